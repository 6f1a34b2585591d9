/**
 * Page tokens and links of list operations. A token is a keyset cursor: it names the creation
 * sequence of the last item of the page it follows (or the first, for a link back), so the next
 * page starts right after that item whatever was created, renamed or deleted meanwhile: an item
 * present during the whole walk is returned exactly once. Items created after the walk began are
 * newer than every cursor and never shift a later page. Links are relative to the server.
 */
import type { Problem } from './replies.ts';

const TOKEN_PREFIX = 'PA';

/** Where a page starts: just older than `sequence`, or (a link back) just newer. */
export type PageCursor = { direction: 'older' | 'newer'; sequence: number };

export function pageToken(cursor: PageCursor): string {
  const text = `${cursor.direction === 'older' ? 'o' : 'n'}${cursor.sequence}`;
  return TOKEN_PREFIX + Buffer.from(text, 'utf8').toString('base64url');
}

/** The cursor a token names, or a problem when the token is not one of ours. */
export function readPageToken(token: string, parameter: string): PageCursor | { problem: Problem } {
  const decoded = token.startsWith(TOKEN_PREFIX) ? Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8') : '';
  const match = /^([on])(\d{1,15})$/.exec(decoded);
  if (!match) return { problem: { detail: `${parameter} is not a token from a page link`, code: 'invalid_format', title: 'Invalid Parameter' } };
  return { direction: match[1] === 'o' ? 'older' : 'newer', sequence: Number(match[2]) };
}

/**
 * A link to `path` with `query`, leaving out absent values; parameter order follows `names`
 * (the spec's order), so links are stable.
 */
export function link(path: string, names: readonly string[], query: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const name of names) {
    const value = query[name];
    if (value !== undefined) search.set(name, String(value));
  }
  return `${path}?${search.toString()}`;
}
