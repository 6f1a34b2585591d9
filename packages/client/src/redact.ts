/**
 * Scrubs credentials out of text before it reaches an error. A server or proxy may echo the
 * Authorization header or the token in an error body, in any of the escapings text goes
 * through (URL, JSON, HTML, base64), and a network error may quote a URL; the token must still
 * never show up in a message, `toString()`, `JSON.stringify` or stack.
 *
 * One regular expression, built on first use, finds every form in a single pass, and each
 * match is replaced once: the marker is never scanned again, and text around a match is left
 * as it is. A secret shorter than `MIN_ANYWHERE` is only taken as a whole word: inside longer
 * words it would be ordinary text.
 */
const REDACTED = '[redacted]';

/** Shorter secrets match only where no letter or digit touches them. */
const MIN_ANYWHERE = 6;

/**
 * A longer token is looked for only as is, URL-encoded and in base64, without a regular
 * expression (one would be too large to compile); it cannot overlap the marker.
 */
const MAX_PATTERN_LENGTH = 4096;

export type Redact = <T>(value: T) => T;

export interface Secrets {
  /** The secret itself (the API token). */
  token: string;
  /**
   * The Basic credentials that encode it (base64 of `user:token`). Any prefix of them that
   * reaches into the token's part is redacted too: a server may echo a truncated header.
   */
  credentials: string;
  /** The length of the credentials' start that encodes only the public user name. */
  publicPrefixLength: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** A hex number matching either case. */
function hexPattern(value: number, width: number): string {
  return [...value.toString(16).padStart(width, '0')].map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d)).join('');
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' };
const JSON_ESCAPES: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '/': '\\/', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A pattern for one character of the secret, as it may appear: itself, JSON-escaped
 * (`\"`, `\u00e9`), URL-encoded (`%C3%A9`, `+` for a space) or as an HTML entity. Letters and
 * digits stand for themselves only.
 */
function characterPattern(char: string): string {
  if (/^[a-z0-9]$/i.test(char)) return char;
  const forms = [escapeRegExp(char)];
  const json = JSON_ESCAPES[char];
  if (json) forms.push(escapeRegExp(json));
  let units = '';
  for (let i = 0; i < char.length; i++) units += `\\\\u${hexPattern(char.charCodeAt(i), 4)}`;
  forms.push(units);
  forms.push([...new TextEncoder().encode(char)].map((byte) => `%${hexPattern(byte, 2)}`).join(''));
  if (char === ' ') forms.push('\\+');
  const codePoint = char.codePointAt(0)!;
  forms.push(`&#0*${codePoint};`, `&#[xX]0*${hexPattern(codePoint, 1)};`);
  const entity = HTML_ENTITIES[char];
  if (entity) forms.push(`&${entity};`);
  return `(?:${forms.join('|')})`;
}

/** Standard base64 of the UTF-8 bytes of `text`, with padding. */
export function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  // In slices: spreading a long array into one call overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A function that replaces every form of the secrets in a string, or in every string (and key) of a parsed JSON value. */
export function createRedactor(secrets: Secrets): Redact {
  let pattern: RegExp | undefined;
  const build = (): RegExp => {
    const { token, credentials, publicPrefixLength } = secrets;
    const tokenForm = [...token].map(characterPattern).join('');
    const tokenBase64 = base64(token).replace(/=+$/, '');
    const base64Forms = [tokenBase64, tokenBase64.replace(/\+/g, '-').replace(/\//g, '_')].map(escapeRegExp);
    const forms = [tokenForm, ...base64Forms].join('|');
    const anywhere = token.length >= MIN_ANYWHERE ? `(?:${forms})` : `(?<![\\p{L}\\p{N}])(?:${forms})(?![\\p{L}\\p{N}])`;
    // The start of the credentials, reaching into the token's part, then any more base64.
    const start = credentials.slice(0, Math.max(publicPrefixLength + 2, MIN_ANYWHERE));
    return new RegExp(`(${escapeRegExp(start)}[A-Za-z0-9+/]*=*)|${anywhere}`, 'gu');
  };
  let literals: string[] | undefined;
  const literalForms = (): string[] => {
    if (literals) return literals;
    const { token, credentials } = secrets;
    let encoded = token;
    try {
      encoded = encodeURIComponent(token);
    } catch {
      // A lone surrogate has no URL encoding, and no server would echo one.
    }
    return (literals = [token, encoded, base64(token).replace(/=+$/, ''), credentials.replace(/=+$/, '')]);
  };
  const scrub = (text: string): string =>
    secrets.token.length > MAX_PATTERN_LENGTH
      ? literalForms().reduce((out, form) => out.split(form).join(REDACTED), text)
      : text.replace((pattern ??= build()), (_match: string, credentialsEcho: string | undefined) => {
      if (credentialsEcho === undefined) return REDACTED;
      // The part that is the credentials' start is redacted; base64 that goes on differently is other text.
      let common = 0;
      while (common < credentialsEcho.length && credentialsEcho[common] === secrets.credentials[common]) common++;
      const rest = credentialsEcho.slice(common);
      return /^=*$/.test(rest) ? REDACTED : REDACTED + scrub(rest);
    });
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return scrub(value);
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [scrub(key), walk(inner)]));
    }
    return value;
  };
  return <T>(value: T) => walk(value) as T;
}
