/**
 * Pages of the list operation and their links. A page token pins the list as it was when its
 * first page was read (by creation sequence), so that endpoints created while a client pages
 * through do not shift later pages. Links are relative to the server, as the spec says.
 */
import type { Problem } from './replies.ts';

const TOKEN_PREFIX = 'PA';

export function pageToken(createdUpTo: number): string {
  return TOKEN_PREFIX + Buffer.from(String(createdUpTo), 'utf8').toString('base64url');
}

/** The sequence number a token pins, or a problem when the token is not one of ours. */
export function readPageToken(token: string): { createdUpTo: number } | { problem: Problem } {
  const decoded = token.startsWith(TOKEN_PREFIX) ? Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8') : '';
  if (!/^\d+$/.test(decoded)) return { problem: { detail: 'page_token is not a token from a page link', code: 'invalid_format', title: 'Invalid Parameter' } };
  return { createdUpTo: Number(decoded) };
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
