/**
 * HTTP Basic authentication as openapi-fetch middleware (RFC 7617: UTF-8 `user:token` in
 * base64). The header value lives only in this closure, never on an object a caller could log
 * or serialize.
 */
import type { Middleware } from 'openapi-fetch';
import { base64 } from './redact.ts';

export function basicAuthMiddleware(user: string, apiToken: string): Middleware {
  const authorization = `Basic ${base64(`${user}:${apiToken}`)}`;
  return {
    onRequest({ request }) {
      // Changed in place, so nothing is returned: openapi-fetch then keeps the request as is.
      request.headers.set('Authorization', authorization);
    },
  };
}
