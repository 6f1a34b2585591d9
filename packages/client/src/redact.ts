/**
 * Scrubs credentials out of text before it reaches an error. A server or proxy may echo the
 * Authorization header or the token in an error body, and a network error may quote a URL; the
 * token must still never show up in a message, `toString()`, `JSON.stringify` or stack.
 */
const REDACTED = '[redacted]';

export type Redact = <T>(value: T) => T;

/**
 * A function that replaces every secret in a string, or in every string of a parsed JSON
 * value, with `[redacted]`. Empty secrets are ignored (they would match everywhere).
 */
export function createRedactor(secrets: readonly string[]): Redact {
  const active = secrets.filter((secret) => secret.length > 0);
  const scrub = (text: string): string => active.reduce((out, secret) => out.split(secret).join(REDACTED), text);
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
