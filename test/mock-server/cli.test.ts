/**
 * The mock server's bin: its options (parsed in-process), and the process itself: it prints its
 * URL and credentials, serves them, stops on SIGTERM, and refuses a bad option in one line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCliArgs, helpText } from '../../packages/mock-server/src/cli-options.ts';
import { REPO_ROOT } from '../support/repo.ts';

const CLI = path.join(REPO_ROOT, 'packages/mock-server/src/cli.ts');

let child: ChildProcess | undefined;
afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

function startCli(args: string[]): ChildProcess {
  child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@sip-endpoints/source', CLI, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return child;
}

/** Resolves with stdout once it contains `marker`. */
function outputUntil(process: ChildProcess, marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    process.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(marker)) resolve(output);
    });
    process.once('exit', (code) => reject(new Error(`exited with ${code} before printing ${marker}: ${output}`)));
  });
}

describe('mock cli options', () => {
  it('gives the server the options typed, and defaults for the rest', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'start', options: { host: '127.0.0.1', port: 4010 } });
    expect(
      parseCliArgs([
        '--host=::1',
        '--port',
        '0',
        '--project-id',
        'p',
        '--api-token',
        't',
        '--create-status',
        '201',
        '--max-body-bytes',
        '1024',
        '--headers-timeout',
        '500',
        '--request-timeout',
        '900',
        '--max-connections',
        '7',
        '--max-items',
        '50',
      ]),
    ).toEqual({
      kind: 'start',
      options: { host: '::1', port: 0, projectId: 'p', apiToken: 't', createStatus: 201, maxBodyBytes: 1024, headersTimeoutMs: 500, requestTimeoutMs: 900, maxConnections: 7, maxItems: 50 },
    });
  });

  it('takes HOST and PORT from the environment, the options first', () => {
    expect(parseCliArgs([], { HOST: '0.0.0.0', PORT: '8080' })).toEqual({ kind: 'start', options: { host: '0.0.0.0', port: 8080 } });
    expect(parseCliArgs(['--port', '9090'], { PORT: '8080' })).toMatchObject({ options: { port: 9090 } });
    expect(parseCliArgs([], { PORT: 'eighty' })).toEqual({ kind: 'refused', message: "PORT must be a whole number from 0 to 65535, not 'eighty'" });
  });

  it.each([
    [['--prot', '1'], "Unknown option '--prot'"],
    [['--port'], "Option '--port <value>' argument missing"],
    [['--port', '-1'], "Option '--port' argument is ambiguous"],
    [['--port', '65536'], "--port must be a whole number from 0 to 65535, not '65536'"],
    [['--port', '80.5'], "--port must be a whole number from 0 to 65535, not '80.5'"],
    [['--create-status', '204'], "--create-status must be 200 or 201, not '204'"],
    [['--max-body-bytes', '0'], "--max-body-bytes must be a whole number at least 1, not '0'"],
    [['--api-token', ''], '--api-token must not be empty'],
    [['--headers-timeout', '500', '--request-timeout', '100'], '--headers-timeout must not exceed --request-timeout'],
    [['serve'], "Unexpected argument 'serve'"],
  ])('refuses %j in one sentence', (args, message) => {
    expect(parseCliArgs(args)).toEqual({ kind: 'refused', message });
  });

  it('answers --help with every option', () => {
    expect(parseCliArgs(['--help', '--prot'])).toEqual({ kind: 'refused', message: "Unknown option '--prot'" });
    expect(parseCliArgs(['-h'])).toEqual({ kind: 'help' });
    const help = helpText('the-bin');
    expect(help).toMatch(/^Usage: the-bin \[options\]/);
    for (const option of ['--host', '--port', '--project-id', '--api-token', '--create-status', '--max-body-bytes', '--headers-timeout', '--request-timeout', '--max-connections', '--max-items', '--help']) {
      expect(help).toContain(option);
    }
  });
});

describe('mock cli process', () => {
  it('starts on the given port, prints where and with which credentials, and stops on SIGTERM', async () => {
    const cli = startCli(['--port', '0', '--api-token', 'cli-token', '--create-status', '201']);
    const output = await outputUntil(cli, 'Ctrl-C');
    const baseUrl = /baseUrl:\s+(\S+)/.exec(output)?.[1];
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/relay\/rest$/);
    expect(output).toContain('projectId: mock-project');
    expect(output).toContain('apiToken:  cli-token');

    const headers = { authorization: `Basic ${Buffer.from('mock-project:cli-token').toString('base64')}`, 'content-type': 'application/json' };
    expect((await fetch(`${baseUrl}/endpoints/sip`, { headers })).status).toBe(200);
    const created = await fetch(`${baseUrl}/endpoints/sip`, { method: 'POST', headers, body: JSON.stringify({ username: 'cli', password: 'secret-pass' }) });
    expect(created.status).toBe(201);

    cli.kill('SIGTERM');
    const [code] = await once(cli, 'exit');
    expect(code).toBe(0);
  });

  it('refuses a bad option with one line on stderr and exit code 2, no stack trace', async () => {
    const cli = startCli(['--port', 'http']);
    let stderr = '';
    cli.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(cli, 'exit');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^[\w-]+: --port must be a whole number from 0 to 65535, not 'http'\. Run [\w-]+ --help for the options\.\n$/);
  });
});
