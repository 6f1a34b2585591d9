/** What the mock server uses when it is not told otherwise. */

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 4010;
/** The credentials `npm run mock` accepts, printed when it starts. Not secrets: a mock's. */
export const DEFAULT_PROJECT_ID = 'mock-project';
export const DEFAULT_API_TOKEN = 'mock-api-token';
/** Larger request bodies get 413. The spec's request bodies are a few KiB at most. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
/**
 * A connection that has not sent its whole request head by then gets 408 and is closed. A real
 * client sends its head at once; only a stalled or hostile one takes seconds.
 */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
/**
 * A connection that has not sent its whole request, body included, by then gets 408 and is
 * closed, so slow uploads cannot hold connections for long. A body under the size limit takes
 * milliseconds on any network a mock runs on; the time to answer is not counted.
 */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/**
 * Open connections beyond this are closed as soon as they are accepted, so that a flood of
 * sockets costs a bounded amount of memory and file descriptors. Far above what a test suite
 * or a load run against a mock opens.
 */
export const DEFAULT_MAX_CONNECTIONS = 1000;
