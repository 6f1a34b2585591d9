/**
 * `npm run generate` lints in-process with @redocly/openapi-core; people also run the Redocly
 * CLI by hand (`npx redocly lint`). Both must agree that the spec is clean.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { QUIET_TOOL_ENV } from '../../scripts/run-tool.ts';
import { REPO_ROOT } from '../support/repo.ts';

it('the Redocly CLI finds no error and no warning in spec/', async () => {
  const { stdout } = await promisify(execFile)(path.join(REPO_ROOT, 'node_modules/.bin/redocly'), ['lint', '--format=json'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...QUIET_TOOL_ENV },
  });
  const report = JSON.parse(stdout.slice(stdout.indexOf('{')));
  expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
}, 60_000);
