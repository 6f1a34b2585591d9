/**
 * The `uri` and `uuid` format checkers. Copied from ajv-formats 3.0.1 (`dist/formats.js`,
 * "full" mode, the mode `addFormats(ajv)` uses) on purpose: a request that Ajv accepts from the
 * spec must pass here too, and the differential tests compare the two on every format case.
 * Both patterns are linear (no nested quantifiers over the same characters), so long strings
 * cannot make them backtrack.
 */

/** ajv-formats: a URI needs a scheme, so at least one `:` (or `/`) must appear. */
const NOT_URI_FRAGMENT = /\/|:/;
const URI =
  /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
const UUID = /^(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;

/** Character classes of RFC 3986 used by the fast path, as bit flags per ASCII code. */
const SCHEME = 1; // letters, digits, + - .
const HOST = 2; // reg-name characters without `%`: unreserved and sub-delims
const PATH = 4; // pchar without `%`: HOST plus : @
const QUERY = 8; // query and fragment characters without `%`: PATH plus / ?
const CHAR_CLASSES = /* @__PURE__ */ (() => {
  const table = new Uint8Array(128);
  const mark = (chars: string, flags: number) => {
    for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)]! |= flags;
  };
  const alnum = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  mark(alnum + '+-.', SCHEME);
  mark(alnum + "-._~!$&'()*+,;=", HOST | PATH | QUERY);
  mark(':@', PATH | QUERY);
  mark('/?', QUERY);
  return table;
})();

/** Whether the character at `i` (which must be < length) is ASCII and in `flags`' class. */
function isIn(value: string, i: number, flags: number): boolean {
  const c = value.charCodeAt(i);
  return c < 128 && (CHAR_CLASSES[c]! & flags) !== 0;
}

/** The char code at `i`, or -1 past the end (reading past the end would deoptimise V8). */
function at(value: string, i: number): number {
  return i < value.length ? value.charCodeAt(i) : -1;
}

/**
 * The common shape `scheme://host[:port][/path][?query][#fragment]`, with no percent-escapes,
 * user info or IP literals, scanned in one pass. Every string it accepts is accepted by the
 * full ajv-formats regex (it follows one branch of it); anything else goes to that regex.
 * Why: the full regex costs a few hundred nanoseconds per URL, this loop much less.
 */
function isSimpleUri(value: string): boolean {
  const n = value.length;
  const first = at(value, 0);
  if (!((first >= 97 && first <= 122) || (first >= 65 && first <= 90))) return false;
  let i = 1;
  while (i < n && isIn(value, i, SCHEME)) i++;
  if (at(value, i) !== 58 || at(value, i + 1) !== 47 || at(value, i + 2) !== 47) return false; // '://'
  i += 3;
  while (i < n && isIn(value, i, HOST)) i++;
  if (at(value, i) === 58) {
    i++; // ':' port digits
    while (i < n && value.charCodeAt(i) >= 48 && value.charCodeAt(i) <= 57) i++;
  }
  while (at(value, i) === 47) {
    i++; // '/' segment
    while (i < n && isIn(value, i, PATH)) i++;
  }
  if (at(value, i) === 63) {
    i++; // '?' query
    while (i < n && isIn(value, i, QUERY)) i++;
  }
  if (at(value, i) === 35) {
    i++; // '#' fragment
    while (i < n && isIn(value, i, QUERY)) i++;
  }
  return i === n;
}

/** An absolute URI (RFC 3986), exactly as ajv-formats' `uri` accepts it. */
export function isUri(value: string): boolean {
  return isSimpleUri(value) || (NOT_URI_FRAGMENT.test(value) && URI.test(value));
}

/** A UUID, optionally prefixed with `urn:uuid:`, as ajv-formats' `uuid` accepts it. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
