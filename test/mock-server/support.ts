/** Raw HTTP against the mock server, without the client, to test the server on its own. */
import type { MockServer } from '@sip-endpoints/mock-server';

export interface RawAnswer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body. */
  body: any;
}

export interface RawRequest {
  /** Serialized as JSON. */
  json?: unknown;
  /** Sent as is. */
  text?: string;
  /** Defaults to the server's own credentials; `null` sends none. */
  authorization?: string | null;
}

export function basicAuth(projectId: string, apiToken: string): string {
  return `Basic ${Buffer.from(`${projectId}:${apiToken}`).toString('base64')}`;
}

/** `path` is below the API base path, e.g. `/endpoints/sip`; an absolute URL path if it starts with `//`. */
export async function call(server: MockServer, method: string, path: string, request: RawRequest = {}): Promise<RawAnswer> {
  const headers: Record<string, string> = {};
  const authorization = request.authorization === undefined ? basicAuth(server.credentials.projectId, server.credentials.apiToken) : request.authorization;
  if (authorization !== null) headers.authorization = authorization;
  const body = request.json !== undefined ? JSON.stringify(request.json) : request.text;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const url = path.startsWith('//') ? `${server.url}${path.slice(1)}` : `${server.apiUrl}${path}`;
  const response = await fetch(url, { method, headers, ...(body !== undefined && { body }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}
