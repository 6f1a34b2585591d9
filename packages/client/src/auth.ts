/**
 * HTTP Basic authentication as openapi-fetch middleware: the user name and the API token are
 * the credentials. The header value lives only in this closure, never on an object a caller
 * could log or serialize.
 */
import type { Middleware } from 'openapi-fetch';
import { base64 } from './redact.ts';

/** The base64 credentials of Basic auth (RFC 7617: UTF-8 `user:password`). A secret: it encodes the token. */
export function basicCredentials(user: string, apiToken: string): string {
  return base64(`${user}:${apiToken}`);
}

export function basicAuthMiddleware(credentials: string): Middleware {
  const authorization = `Basic ${credentials}`;
  return {
    onRequest({ request }) {
      // Changed in place, so nothing is returned: openapi-fetch then keeps the request as is.
      request.headers.set('Authorization', authorization);
    },
  };
}
