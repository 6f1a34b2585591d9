/**
 * The README example (examples/quick-start.ts) runs as written against a mock server with the
 * defaults of `npm run mock` (only the port differs, passed in through SIP_ENDPOINTS_BASE_URL).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServer } from '@sip-endpoints/mock-server';
import { REPO_ROOT } from '../support/repo.ts';

const run = promisify(execFile);
let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ port: 0 });
});
afterAll(() => server.close());

describe('examples/quick-start.ts', () => {
  it('creates, retrieves, lists, updates and deletes against the mock defaults', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', '--conditions=@sip-endpoints/source', path.join(REPO_ROOT, 'examples/quick-start.ts')],
      { cwd: REPO_ROOT, env: { ...process.env, SIP_ENDPOINTS_BASE_URL: server.apiUrl }, timeout: 30_000 },
    );
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^created [0-9a-f-]{36}$/);
    expect(lines.slice(1)).toEqual(['retrieved alice laml_webhooks', 'listed alice', 'updated caller_id to Front Desk', 'deleted']);
  });
});
