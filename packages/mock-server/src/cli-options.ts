/**
 * The command line of the mock server's bin: what each option means, and the server options
 * it gives (or the message for a person who mistyped one). Kept apart from `cli.ts`, which
 * starts the server, so that parsing can be tested without a process.
 */
import { parseArgs } from 'node:util';
import {
  DEFAULT_API_TOKEN,
  DEFAULT_HEADERS_TIMEOUT_MS,
  DEFAULT_HOST,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_CONNECTIONS,
  DEFAULT_PORT,
  DEFAULT_PROJECT_ID,
  DEFAULT_REQUEST_TIMEOUT_MS,
} from './defaults.ts';
import type { MockServerOptions } from './server.ts';
import { DEFAULT_MAX_ITEMS } from './store.ts';

export type CliCommand = { kind: 'help' } | { kind: 'start'; options: MockServerOptions & { host: string; port: number } } | { kind: 'refused'; message: string };

export function helpText(program: string): string {
  return `Usage: ${program} [options]

Starts the in-memory mock of the API and prints its URL and the credentials it accepts.
Data lives in memory and is lost when it stops. Ctrl-C stops it.

Options:
  --host <host>              where to listen (default ${DEFAULT_HOST}; or HOST)
  --port <port>              0 picks a free port (default ${DEFAULT_PORT}; or PORT)
  --project-id <id>          the Basic auth user it accepts (default ${DEFAULT_PROJECT_ID})
  --api-token <token>        the Basic auth password it accepts (default ${DEFAULT_API_TOKEN})
  --create-status <status>   200, as the current API answers a create (default), or 201
  --max-body-bytes <n>       larger request bodies get 413 (default ${DEFAULT_MAX_BODY_BYTES})
  --headers-timeout <ms>     a request head not received by then gets 408 (default ${DEFAULT_HEADERS_TIMEOUT_MS})
  --request-timeout <ms>     a whole request not received by then gets 408 (default ${DEFAULT_REQUEST_TIMEOUT_MS})
  --max-connections <n>      connections beyond this are closed at once (default ${DEFAULT_MAX_CONNECTIONS})
  --max-items <n>            items kept per resource; a create beyond gets 422 (default ${DEFAULT_MAX_ITEMS})
  -h, --help                 show this help
`;
}

const OPTIONS = {
  host: { type: 'string' },
  port: { type: 'string' },
  'project-id': { type: 'string' },
  'api-token': { type: 'string' },
  'create-status': { type: 'string' },
  'max-body-bytes': { type: 'string' },
  'headers-timeout': { type: 'string' },
  'request-timeout': { type: 'string' },
  'max-connections': { type: 'string' },
  'max-items': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

class Refusal extends Error {}

/** A whole number from `min` to `max`, written in plain digits. */
function wholeNumber(option: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max)) {
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
    throw new Refusal(`${option} must be a whole number ${range}, not '${text}'`);
  }
  return value;
}

function nonEmpty(option: string, text: string): string {
  if (text === '') throw new Refusal(`${option} must not be empty`);
  return text;
}

/** Reads `args` (without the node and script paths); HOST and PORT come from `env` when not given. */
export function parseCliArgs(args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): CliCommand {
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({ args: [...args], options: OPTIONS }));
  } catch (error) {
    // Node's message goes on to explain `--` and `--opt=value` to a reader who never typed a
    // dash on purpose: keep the first sentence.
    return { kind: 'refused', message: (error as Error).message.split(/\.\s|\n/)[0]!.replace(/\.$/, '') };
  }
  if (values.help) return { kind: 'help' };
  try {
    const portText = values.port ?? env.PORT;
    const createStatus = values['create-status'];
    if (createStatus !== undefined && createStatus !== '200' && createStatus !== '201') {
      throw new Refusal(`--create-status must be 200 or 201, not '${createStatus}'`);
    }
    const count = (name: 'max-body-bytes' | 'headers-timeout' | 'request-timeout' | 'max-connections' | 'max-items'): number | undefined => {
      const text = values[name];
      return text === undefined ? undefined : wholeNumber(`--${name}`, text, 1);
    };
    const maxBodyBytes = count('max-body-bytes');
    const headersTimeoutMs = count('headers-timeout');
    const requestTimeoutMs = count('request-timeout');
    const maxConnections = count('max-connections');
    const maxItems = count('max-items');
    if (headersTimeoutMs !== undefined && requestTimeoutMs !== undefined && headersTimeoutMs > requestTimeoutMs) {
      throw new Refusal('--headers-timeout must not exceed --request-timeout');
    }
    return {
      kind: 'start',
      options: {
        host: nonEmpty('--host', values.host ?? env.HOST ?? DEFAULT_HOST),
        port: portText === undefined ? DEFAULT_PORT : wholeNumber(values.port === undefined ? 'PORT' : '--port', portText, 0, 65535),
        ...(values['project-id'] !== undefined && { projectId: nonEmpty('--project-id', values['project-id']) }),
        ...(values['api-token'] !== undefined && { apiToken: nonEmpty('--api-token', values['api-token']) }),
        ...(createStatus !== undefined && { createStatus: Number(createStatus) as 200 | 201 }),
        ...(maxBodyBytes !== undefined && { maxBodyBytes }),
        ...(headersTimeoutMs !== undefined && { headersTimeoutMs }),
        ...(requestTimeoutMs !== undefined && { requestTimeoutMs }),
        ...(maxConnections !== undefined && { maxConnections }),
        ...(maxItems !== undefined && { maxItems }),
      },
    };
  } catch (error) {
    if (error instanceof Refusal) return { kind: 'refused', message: error.message };
    throw error;
  }
}
