/**
 * `npm run generate` end to end, on a throwaway copy of the repository: the drift check
 * catches hand edits and stray files, a run with nothing to do stops at once, a broken spec or
 * generator stops the run with a message naming file and line while every generated file stays
 * exactly as it was, two runs never write at once, and watch mode regenerates on every save.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stateDir } from '../../scripts/generate-state.ts';
import { copyRepo } from '../support/repo.ts';

const run = promisify(execFile);

let repo: Awaited<ReturnType<typeof copyRepo>>;
beforeEach(async () => {
  repo = await copyRepo();
});
afterEach(async () => {
  await rm(stateDir({ root: repo.root, specDir: '', outRoot: repo.root }), { recursive: true, force: true });
  await repo.remove();
});

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

const tsx = () => path.join(repo.root, 'node_modules/.bin/tsx');

async function generate(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(tsx(), ['scripts/generate.ts', ...args], { cwd: repo.root });
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
  it('passes on committed output, then lists a hand-edited file and stray files in every generated folder', async () => {
    const clean = await generate('--check', '--quiet');
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);

    await edit('packages/types/src/generated/schemas.ts', (t) => t.replace('username: string;', 'username: string | number;'));
    await appendFile(path.join(repo.root, 'generated/docs/old-page.html'), '<p>left over</p>');
    await appendFile(path.join(repo.root, 'generated/old.json'), '{}');
    await appendFile(path.join(repo.root, 'packages/types/src/generated/old.ts'), 'export {};');
    const stale = await generate('--check', '--quiet');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('4 generated file(s) are stale');
    expect(stale.stderr).toContain('packages/types/src/generated/schemas.ts\n');
    for (const stray of ['generated/docs/old-page.html', 'generated/old.json', 'packages/types/src/generated/old.ts']) {
      expect(stale.stderr).toContain(`${stray} (no longer generated)`);
    }
  });
});

describe('npm run generate', () => {
  it('stops at once when nothing changed, and regenerates an edited file byte for byte', async () => {
    const before = await fingerprint();
    expect(Object.keys(before).length).toBeGreaterThanOrEqual(4);
    const first = await generate();
    expect(first.code).toBe(0);
    // Without --quiet it reports each step with its time.
    for (const step of ['read spec/ and bundle (redocly)', 'lint spec/ (redocly)', 'read model', 'docs (redocly build-docs)', 'validators', 'openapi-typescript types', 'type-check generated code']) {
      expect(first.stdout).toMatch(new RegExp(`✓ ${step.replace(/[()+/]/g, '\\$&')} +\\d+\\.\\d\\d s`));
    }
    expect(first.stdout).toContain('✓ nothing changed');

    const again = await generate();
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^✓ up to date: nothing changed since the last run/);

    await edit('generated/openapi.json', (t) => t.replace('"summary": "List SIP endpoints"', '"summary": "List them"'));
    const afterEdit = await generate();
    expect(afterEdit.code).toBe(0);
    expect(afterEdit.stdout).toContain('✓ wrote 1 file(s)');
    expect(afterEdit.stdout).toContain('generated/openapi.json');
    expect(await fingerprint()).toEqual(before);
  });

  it('lets one of two simultaneous runs write, refuses the other, and leaves no staging file', async () => {
    await edit('spec/paths/endpoints_sip.yaml', (t) => t.replace('summary: List SIP endpoints', 'summary: List every SIP endpoint'));
    const [a, b] = await Promise.all([generate('--quiet'), generate('--quiet')]);
    const refused = [a, b].filter((r) => r.stderr.includes('another generate is running'));
    expect(refused).toHaveLength(1);
    expect(refused[0]!.code).toBe(1);
    expect([a, b].filter((r) => r.code === 0)).toHaveLength(1);
    expect((await generatedFiles()).filter((f) => f.endsWith('.staging'))).toEqual([]);
    expect(await generate('--check', '--quiet')).toMatchObject({ code: 0, stderr: '' });
  });

  it('refuses generated code that does not compile, naming the generated file and line, and writes nothing', async () => {
    const before = await fingerprint();
    // A generator bug, planted in the copy: every generated file gets a line that does not compile.
    await edit('scripts/emit/header.ts', (t) => t.replace("    '',\n  ].join('\\n');", "    'const broken: number = \"text\";',\n    '',\n  ].join('\\n');"));
    const result = await generate('--force');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('generate failed; no file was changed');
    expect(result.stderr).toMatch(/packages\/types\/src\/generated\/schemas\.ts:3:7 {2}Type 'string' is not assignable to type 'number'\./);
    expect(await fingerprint()).toEqual(before);
  });
});

describe('a broken spec', () => {
  it.each([
    {
      name: 'a YAML syntax error',
      file: 'spec/components/schemas/SipEndpointFields.yaml',
      change: (t: string) => t.replace('\n  username:\n', '\n  username: [unclosed\n'),
      expected: /spec\/components\/schemas\/SipEndpointFields\.yaml:\d+:\d+ {2}error {2}yaml-syntax {2}/,
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
    {
      // Lint runs beside the steps after the bundle; the model refuses this type too, but the
      // lint problem, with its file and line, is what explains it.
      name: 'a lint error that also breaks a later step (a misspelt type)',
      file: 'spec/components/schemas/SipEndpointFields.yaml',
      change: (t: string) => t.replace('  username:\n    type: string\n', '  username:\n    type: strin\n'),
      expected: /SipEndpointFields\.yaml:\d+:\d+ {2}error {2}struct {2}/,
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
  });
});

describe('npm run generate -- --watch', () => {
  it('regenerates on each save of a spec file, reports a broken spec, and keeps watching', async () => {
    const child = spawn(tsx(), ['scripts/generate.ts', '--watch'], { cwd: repo.root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const waitFor = async (pattern: RegExp, count: number): Promise<void> => {
      const deadline = Date.now() + 90_000;
      while ((output.match(new RegExp(pattern.source, 'g')) ?? []).length < count) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`never saw ${pattern} ${count} time(s) in:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    try {
      await waitFor(/watching/, 1);
      await edit('spec/paths/endpoints_sip.yaml', (t) => t.replace('summary: List SIP endpoints', 'summary: List every SIP endpoint'));
      await waitFor(/watching/, 2);
      expect(output).toMatch(/✓ wrote \d+ file\(s\)/);
      expect(await readFile(path.join(repo.root, 'generated/openapi.json'), 'utf8')).toContain('"summary": "List every SIP endpoint"');

      await edit('spec/paths/endpoints_sip_{id}.yaml', (t) => t.replace('  summary: Delete a SIP endpoint\n', ''));
      await waitFor(/watching/, 3);
      expect(output).toMatch(/spec\/paths\/endpoints_sip_\{id\}\.yaml:\d+:\d+ {2}\w+ {2}operation-summary/);
      expect(child.exitCode).toBe(null);
    } finally {
      child.kill();
    }
  });
});
