/** Reading request bodies with a size limit, and writing JSON answers, on node:http. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * How far past the limit a body is still read, and thrown away, before reading stops. Draining
 * lets the 413 reach a client that is still sending (a client whose upload meets a closed socket
 * may see a reset and never read the answer), but an endless or huge upload would hold the answer
 * back for as long as it lasts. 1 MiB covers a body a little over the limit and what a client has
 * in flight, at the cost of a few milliseconds.
 */
const DRAIN_ALLOWANCE_BYTES = 1024 * 1024;

export type BodyRead =
  | { kind: 'ok'; bytes: Buffer }
  /**
   * `drained` is false when reading stopped with the body still coming: the rest of it is still on
   * the connection, so the connection cannot carry another request and must close after the answer.
   */
  | { kind: 'too-large'; drained: boolean };

/**
 * Reads the whole body as bytes (decoding is the caller's, which must refuse what is not UTF-8
 * rather than let it be replaced with U+FFFD). Past `limit` bytes it stops keeping the bytes
 * but still drains the request, so that the 413 reaches a client that is still sending
 * instead of a reset; past `limit` plus `DRAIN_ALLOWANCE_BYTES` it stops reading altogether.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
      } else if (size > limit + DRAIN_ALLOWANCE_BYTES) {
        request.off('data', onData);
        // Paused, the request pushes back on the socket, so node:http stops reading it.
        request.pause();
        resolve({ kind: 'too-large', drained: false });
      }
    };
    request.on('data', onData);
    request.on('end', () => resolve(size > limit ? { kind: 'too-large', drained: true } : { kind: 'ok', bytes: Buffer.concat(chunks) }));
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
