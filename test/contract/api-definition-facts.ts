/**
 * The current API definition of the SIP endpoint resource, written down from its published
 * facts, not read from `spec/`: an oracle that knows nothing of this repository's spec or code,
 * so that a mistake copied into both cannot hide.
 */

/** The fields of the endpoint object in every 200 answer: all present, null when unset, no other. */
export const ENDPOINT_FIELDS = [
  'type',
  'id',
  'username',
  'caller_id',
  'send_as',
  'ciphers',
  'codecs',
  'encryption',
  'call_handler',
  'calling_handler_resource_id',
  'call_request_url',
  'call_request_method',
  'call_fallback_url',
  'call_fallback_method',
  'call_status_callback_url',
  'call_status_callback_method',
  'call_laml_application_id',
  'call_dialogflow_agent_id',
  'call_relay_topic',
  'call_relay_topic_status_callback_url',
  'call_relay_context',
  'call_relay_context_status_callback_url',
  'call_relay_application',
  'call_video_room_id',
  'call_relay_script_url',
] as const;

/** The error bodies of the definition, byte for byte (422 has a shape instead, below). */
export const ERROR_BODIES: Readonly<Record<number, string>> = {
  400: '{"error":"Bad Request"}',
  401: '{"error":"Unauthorized"}',
  404: '{"error":"Not Found"}',
  500: '{"error":"Internal Server Error"}',
};

/** The keys of each item of a 422 body's `errors`, every one a string; `status` is "422". */
export const VALIDATION_ERROR_KEYS = ['code', 'detail', 'status', 'title'] as const;

export type OperationName = 'list' | 'create' | 'retrieve' | 'update' | 'delete';

/** The operations: method, path below the base path, and every status the definition lists. */
export const OPERATIONS: Readonly<Record<OperationName, { method: string; path: RegExp; statuses: readonly number[] }>> = {
  list: { method: 'GET', path: /^\/endpoints\/sip$/, statuses: [200, 401, 422, 500] },
  create: { method: 'POST', path: /^\/endpoints\/sip$/, statuses: [200, 401, 422, 500] },
  retrieve: { method: 'GET', path: /^\/endpoints\/sip\/[^/]+$/, statuses: [200, 401, 404, 422, 500] },
  update: { method: 'PUT', path: /^\/endpoints\/sip\/[^/]+$/, statuses: [200, 401, 404, 422, 500] },
  delete: { method: 'DELETE', path: /^\/endpoints\/sip\/[^/]+$/, statuses: [204, 400, 401, 404, 500] },
};

export const BASE_PATH = '/api/relay/rest';

/** The operation a request is, or undefined for a request no operation describes. */
export function operationOf(method: string, pathBelowBase: string): OperationName | undefined {
  const path = pathBelowBase.split('?')[0]!;
  return (Object.keys(OPERATIONS) as OperationName[]).find((name) => OPERATIONS[name].method === method && OPERATIONS[name].path.test(path));
}
