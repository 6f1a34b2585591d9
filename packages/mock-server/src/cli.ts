#!/usr/bin/env node
/**
 * `npm run mock`: starts the mock server and prints where it listens and the credentials to
 * use. Options: `--host <host>`, `--port <port>` (or the HOST and PORT environment variables),
 * `--project-id <id>`, `--api-token <token>`. Ctrl-C stops it.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_HOST, DEFAULT_PORT } from './defaults.ts';
import { startMockServer } from './server.ts';

const { values } = parseArgs({
  options: {
    host: { type: 'string' },
    port: { type: 'string' },
    'project-id': { type: 'string' },
    'api-token': { type: 'string' },
  },
});

const port = Number(values.port ?? process.env.PORT ?? DEFAULT_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`mock: --port must be an integer from 0 to 65535, got ${values.port ?? process.env.PORT}`);
  process.exit(2);
}

const host = values.host ?? process.env.HOST ?? DEFAULT_HOST;
const server = await startMockServer({
  host,
  port,
  ...(values['project-id'] !== undefined && { projectId: values['project-id'] }),
  ...(values['api-token'] !== undefined && { apiToken: values['api-token'] }),
}).catch((error: NodeJS.ErrnoException) => {
  const hint = error.code === 'EADDRINUSE' ? ` (port ${port} is in use; try --port 0 for a free one)` : '';
  console.error(`mock: cannot listen on ${host}:${port}: ${error.message}${hint}`);
  process.exit(1);
});

// These are the mock's own credentials, printed on purpose so that anyone can try the client.
console.log(`SIP Endpoints mock server listening on ${server.url}
  baseUrl:   ${server.apiUrl}
  projectId: ${server.credentials.projectId}
  apiToken:  ${server.credentials.apiToken}
Data lives in memory and is lost when the server stops. Ctrl-C to stop.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close().then(() => process.exit(0));
  });
}
