/**
 * Scrubs credentials out of text before it reaches an error. A server or proxy may echo the
 * Authorization header or the token in an error body, in any of the escapings text goes
 * through (URL, JSON, HTML, base64), and a network error may quote a URL; the token must still
 * never show up in a message, `toString()`, `JSON.stringify` or stack.
 *
 * One regular expression, built on first use, finds every form in a single pass, and each
 * match is replaced once: the marker is never scanned again, and text around a match is left
 * as it is. A token shorter than `MIN_ANYWHERE` is only taken as a whole word: inside longer
 * words it would be ordinary text.
 */
const REDACTED = '[redacted]';
const MIN_ANYWHERE = 6;
/** A longer token is looked for as is and in base64 only: its pattern would be too large to compile. */
const MAX_PATTERN_LENGTH = 4096;

export type Redact = <T>(value: T) => T;

/** Standard base64 of the UTF-8 bytes of `text`, with padding. */
export function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  // In slices: spreading a long array into one call overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

const escapeRegExp = (text: string): string => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
/** A hex number matching either case. */
const hex = (value: number, width: number): string => value.toString(16).padStart(width, '0').replace(/[a-f]/g, (d) => `[${d}${d.toUpperCase()}]`);
const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' };
const JSON_ESCAPES: Readonly<Record<string, string>> = { '"': '\\"', '\\': '\\\\', '/': '\\/', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * One character of the token as it may appear: itself, JSON-escaped (`\"`, `\u00e9`),
 * URL-encoded (`%C3%A9`, `+` for a space) or as an HTML entity. Letters and digits stand for
 * themselves only.
 */
function characterPattern(char: string): string {
  if (/^[a-z0-9]$/i.test(char)) return char;
  const codePoint = char.codePointAt(0)!;
  const forms = [escapeRegExp(char), `&#0*${codePoint};`, `&#[xX]0*${hex(codePoint, 1)};`];
  if (JSON_ESCAPES[char]) forms.push(escapeRegExp(JSON_ESCAPES[char]));
  if (HTML_ENTITIES[char]) forms.push(`&${HTML_ENTITIES[char]};`);
  forms.push(Array.from({ length: char.length }, (_, i) => `\\\\u${hex(char.charCodeAt(i), 4)}`).join(''));
  forms.push([...new TextEncoder().encode(char)].map((byte) => `%${hex(byte, 2)}`).join(''));
  if (char === ' ') forms.push('\\+');
  return `(?:${forms.join('|')})`;
}

/**
 * A function that replaces every form of the token in a string, or in every string (and key)
 * of a parsed JSON value. Its forms: the token in any escaping above, its base64 (and base64url),
 * and the Basic credentials `user:token` in base64, or any start of them that reaches into the
 * token's part (a server may echo a truncated header).
 */
export function createRedactor({ user, token }: { user: string; token: string }): Redact {
  const credentials = base64(`${user}:${token}`).replace(/=+$/, '');
  const tokenBase64 = base64(token).replace(/=+$/, '');
  // The characters of the credentials that encode `user:` alone, in whole groups of three bytes.
  const publicLength = Math.floor(new TextEncoder().encode(`${user}:`).length / 3) * 4;
  let pattern: RegExp | undefined;
  const build = (): RegExp => {
    const tokenForms = [[...token].map(characterPattern).join(''), ...[tokenBase64, tokenBase64.replace(/\+/g, '-').replace(/\//g, '_')].map((form) => `${escapeRegExp(form)}={0,2}`)].join('|');
    const anywhere = token.length >= MIN_ANYWHERE ? `(?:${tokenForms})` : `(?<![\\p{L}\\p{N}])(?:${tokenForms})(?![\\p{L}\\p{N}])`;
    const credentialsStart = escapeRegExp(credentials.slice(0, Math.max(publicLength + 2, MIN_ANYWHERE)));
    return new RegExp(`(${credentialsStart}[A-Za-z0-9+/]*=*)|${anywhere}`, 'gu');
  };
  const scrub = (text: string): string => {
    if (token.length > MAX_PATTERN_LENGTH) return [token, tokenBase64, credentials].reduce((out, form) => out.split(form).join(REDACTED), text);
    return text.replace((pattern ??= build()), (_match: string, credentialsEcho: string | undefined) => {
      if (credentialsEcho === undefined) return REDACTED;
      // The part that is the credentials' start is redacted; base64 that goes on differently is other text.
      let common = 0;
      while (common < credentialsEcho.length && credentialsEcho[common] === credentials[common]) common++;
      const rest = credentialsEcho.slice(common);
      return /^=*$/.test(rest) ? REDACTED : REDACTED + scrub(rest);
    });
  };
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return scrub(value);
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [scrub(key), walk(inner)]));
    return value;
  };
  return <T>(value: T) => walk(value) as T;
}
