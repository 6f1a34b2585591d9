/**
 * HTTP Basic authentication as openapi-fetch middleware: the Project ID is the username and the
 * API token the password. The header value lives only in this closure, never on an object a
 * caller could log or serialize.
 */
import type { Middleware } from 'openapi-fetch';

/** The `Authorization` header value for Basic auth. Also a secret: it encodes the token. */
export function basicAuthorization(projectId: string, apiToken: string): string {
  // btoa takes Latin-1 only, so encode as UTF-8 first (RFC 7617 §2.1 charset).
  const bytes = new TextEncoder().encode(`${projectId}:${apiToken}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

export function basicAuthMiddleware(authorization: string): Middleware {
  return {
    onRequest({ request }) {
      // Changed in place, so nothing is returned: openapi-fetch then keeps the request as is.
      request.headers.set('Authorization', authorization);
    },
  };
}
