/** Reading request bodies with a size limit, and writing JSON answers, on node:http. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type BodyRead = { kind: 'ok'; text: string } | { kind: 'too-large' };

/**
 * Reads the whole body as UTF-8. Past `limit` bytes it stops keeping the bytes but still drains
 * the request, so that the 413 reaches a client that is still sending instead of a reset.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? { kind: 'too-large' } : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') }));
    request.on('error', reject);
  });
}

/** An answer to send: a status, an optional JSON body, optional extra headers. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Writes `reply`, unless the client has already gone (a timed-out request, say). */
export function sendReply(response: ServerResponse, reply: Reply): void {
  if (response.destroyed || response.headersSent) return;
  const payload = reply.body === undefined ? undefined : JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    ...reply.headers,
    ...(payload !== undefined && { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': String(Buffer.byteLength(payload)) }),
  });
  response.end(payload);
}
