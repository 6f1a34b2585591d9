#!/usr/bin/env node
/**
 * The mock server's bin (and `npm run mock`): starts the server and prints where it listens and
 * the credentials to use; `--help` lists the options (see cli-options.ts). A mistyped option or
 * a port in use ends it with a one-line message, never a stack trace. Ctrl-C stops it.
 */
import { readFileSync } from 'node:fs';
import { parseCliArgs, helpText } from './cli-options.ts';
import { startMockServer } from './server.ts';

/** The name the package gives its bin, for the usage line; read, as it is the package's to choose. */
function programName(): string {
  try {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name?: string; bin?: string | Record<string, string> };
    if (manifest.bin && typeof manifest.bin === 'object') return Object.keys(manifest.bin)[0] ?? 'mock-server';
    return manifest.name?.split('/').at(-1) ?? 'mock-server';
  } catch {
    return 'mock-server';
  }
}

const program = programName();
const command = parseCliArgs(process.argv.slice(2), process.env);
if (command.kind === 'help') {
  process.stdout.write(helpText(program));
  process.exit(0);
}
if (command.kind === 'refused') {
  console.error(`${program}: ${command.message}. Run ${program} --help for the options.`);
  process.exit(2);
}

const { options } = command;
const server = await startMockServer(options).catch((error: NodeJS.ErrnoException) => {
  const hint = error.code === 'EADDRINUSE' ? ` (port ${options.port} is in use; try --port 0 for a free one)` : '';
  // A RangeError is an option the server refused; anything else happened while listening.
  const where = error instanceof RangeError ? '' : `cannot listen on ${options.host}:${options.port}: `;
  console.error(`${program}: ${where}${error.message}${hint}`);
  process.exit(error instanceof RangeError ? 2 : 1);
});

// These are the mock's own credentials, printed on purpose so that anyone can try the client.
console.log(`Mock server listening on ${server.url}
  baseUrl:   ${server.apiUrl}
  projectId: ${server.credentials.projectId}
  apiToken:  ${server.credentials.apiToken}
Data lives in memory and is lost when the server stops. Ctrl-C to stop.`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
