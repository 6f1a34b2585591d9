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

/**
 * Why the `Authorization` header does not carry exactly these credentials, or undefined when it
 * does. The reason is for the developer (the 401 body says only "Unauthorized"), and quotes
 * nothing that was sent, so no credential is echoed.
 */
export function authorizationProblem(header: string | undefined, expected: Credentials): string | undefined {
  if (header === undefined || header.trim() === '') return 'no Authorization header: send Basic auth with the project ID and API token';
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) return 'the Authorization header is not Basic auth';
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'the Basic credentials have no colon between project ID and API token';
  const rightProject = sameText(decoded.slice(0, colon), expected.projectId);
  const rightToken = sameText(decoded.slice(colon + 1), expected.apiToken);
  if (rightProject && rightToken) return undefined;
  return rightProject ? 'wrong API token for this project' : 'unknown project ID';
}
