/** HTTP Basic auth against the mock project's credentials. */
import { timingSafeEqual } from 'node:crypto';

export interface Credentials {
  projectId: string;
  apiToken: string;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Whether the `Authorization` header carries exactly these credentials. */
export function isAuthorized(header: string | undefined, expected: Credentials): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return false;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  return sameText(decoded.slice(0, colon), expected.projectId) && sameText(decoded.slice(colon + 1), expected.apiToken);
}
