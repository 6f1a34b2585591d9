/**
 * `npm run generate` end to end, on a throwaway copy of the repository: the drift check
 * catches hand edits and leftovers, and a broken spec stops the run with a message naming
 * file and line while every generated file stays exactly as it was.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyRepo } from '../support/repo.ts';

const run = promisify(execFile);
/** Every generated file: the artefacts folder and each package's generated sources. */
async function generatedFiles(): Promise<string[]> {
  const folders = ['generated', ...(await readdir(path.join(repo.root, 'packages'))).map((p) => `packages/${p}/src/generated`)];
  const files: string[] = [];
  for (const folder of folders) {
    const entries = await readdir(path.join(repo.root, folder), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) if (entry.isFile()) files.push(path.relative(repo.root, path.join(entry.parentPath, entry.name)));
  }
  return files.sort();
}

let repo: Awaited<ReturnType<typeof copyRepo>>;
beforeEach(async () => {
  repo = await copyRepo();
});
afterEach(() => repo.remove());

async function generate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(path.join(repo.root, 'node_modules/.bin/tsx'), ['scripts/generate.ts', ...args], { cwd: repo.root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function fingerprint(): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const file of await generatedFiles()) {
    hashes[file] = createHash('sha256').update(await readFile(path.join(repo.root, file))).digest('hex');
  }
  return hashes;
}

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(repo.root, file);
  const before = await readFile(target, 'utf8');
  const after = change(before);
  expect(after, `the edit of ${file} must change it`).not.toBe(before);
  await writeFile(target, after);
}

describe('npm run generate -- --check', () => {
  it('passes on committed output, then lists a hand-edited file and a leftover file', async () => {
    const clean = await generate('--check', '--quiet');
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);

    await edit('packages/types/src/generated/schemas.ts', (t) => t.replace('username: string;', 'username: string | number;'));
    await appendFile(path.join(repo.root, 'generated/docs/old-page.html'), '<p>left over</p>');
    const stale = await generate('--check', '--quiet');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('2 generated file(s) are stale');
    expect(stale.stderr).toContain('packages/types/src/generated/schemas.ts');
    expect(stale.stderr).toContain('generated/docs/old-page.html (no longer generated)');
  }, 120_000);

  it('regenerating restores the edited file byte for byte', async () => {
    const before = await fingerprint();
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(4);
    await edit('generated/openapi.json', (t) => t.replace('"summary": "List SIP endpoints"', '"summary": "List them"'));
    const result = await generate();
    expect(result.code).toBe(0);
    expect(await fingerprint()).toEqual(before);
    // Without --quiet it reports each step with its time, then what it wrote.
    for (const step of ['lint + bundle spec/ (redocly)', 'read model', 'docs (redocly build-docs)', 'validators']) {
      expect(result.stdout).toMatch(new RegExp(`✓ ${step.replace(/[()+/]/g, '\\$&')} +\\d+\\.\\d\\d s`));
    }
    expect(result.stdout).toContain('✓ wrote 1 file(s)');
    expect(result.stdout).toContain('generated/openapi.json');
  }, 120_000);
});

describe('a broken spec', () => {
  it.each([
    {
      name: 'a YAML syntax error',
      file: 'spec/components/schemas/SipEndpointFields.yaml',
      change: (t: string) => t.replace('\n  username:\n', '\n  username: [unclosed\n'),
      expected: /spec\/components\/schemas\/SipEndpointFields\.yaml:\d+:\d+ {2}error {2}no-unresolved-refs {2}Failed to parse/,
    },
    {
      name: 'a $ref to a missing file',
      file: 'spec/paths/endpoints_sip.yaml',
      change: (t: string) => t.replace('parameters/page_size.yaml', 'parameters/page-size.yaml'),
      expected: /spec\/paths\/endpoints_sip\.yaml:\d+:\d+ {2}error {2}no-unresolved-refs {2}Can't resolve \$ref/,
    },
    {
      name: 'a lint error (operation without a summary)',
      file: 'spec/paths/endpoints_sip_{id}.yaml',
      change: (t: string) => t.replace('  summary: Delete a SIP endpoint\n', ''),
      expected: /spec\/paths\/endpoints_sip_\{id\}\.yaml:\d+:\d+ {2}\w+ {2}operation-summary/,
    },
    {
      name: 'a handler rule that requires a field that does not exist',
      file: 'spec/components/schemas/SipEndpointFields.yaml',
      change: (t: string) => t.replace('required: [call_flow_id]', 'required: [call_flow]'),
      expected: /SipEndpointFields\.yaml:\d+:\d+ {2}error {2}handler-rules\/handler-rule-fields-exist/,
    },
  ])('stops on $name, names file and line, and changes no output', async ({ file, change, expected }) => {
    const before = await fingerprint();
    await edit(file, change);
    const result = await generate();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('generate failed; no file was changed');
    expect(result.stderr).toMatch(expected);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/); // no stack trace
    expect(await fingerprint()).toEqual(before);
  }, 120_000);
});
