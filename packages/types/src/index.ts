/**
 * @sip-endpoints/types: the types of the SIP Endpoint resource.
 *
 * - `paths`, `components`, `operations`: the whole API for openapi-fetch (openapi-typescript).
 * - One named type per schema. Request types carry the handler rules: a create body with
 *   `call_handler: 'laml_webhooks'` but no `call_request_url` does not compile.
 *
 * Everything under `generated/` is emitted by `npm run generate` from spec/.
 */
export type { paths, components, operations } from './generated/openapi.ts';
export * from './generated/schemas.ts';
