/** What the mock server uses when it is not told otherwise. */

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4010;
/** The credentials `npm run mock` accepts, printed when it starts. Not secrets: a mock's. */
export const DEFAULT_PROJECT_ID = 'mock-project';
export const DEFAULT_API_TOKEN = 'mock-api-token';
/** Larger request bodies get 413. A SIP endpoint body is well under 4 KiB. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
