/**
 * The last step of generate (scripts/type-check-output.ts): the generated TypeScript is
 * compiled against the packages' runtime, on a scratch copy, and code that does not compile is
 * refused with the generated file, line and reason.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSchemaTypes, SCHEMA_TYPES_PATH } from '../../scripts/emit/schema-types.ts';
import { renderValidators, VALIDATORS_PATH } from '../../scripts/emit/validators.ts';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import { GeneratedCodeError, typeCheckGenerated } from '../../scripts/type-check-output.ts';
import { bundleFixtureSpec } from '../support/fixture-spec.ts';
import { REPO_ROOT } from '../support/repo.ts';

const GENERATED = [
  'packages/types/src/generated/schemas.ts',
  'packages/types/src/generated/openapi.ts',
  'packages/validators/src/generated/validators.ts',
  'packages/mock-server/src/generated/routes.ts',
  'packages/client/src/generated/operations.ts',
];

async function committed(): Promise<{ path: string; contents: string }[]> {
  return Promise.all(GENERATED.map(async (file) => ({ path: file, contents: await readFile(path.join(REPO_ROOT, file), 'utf8') })));
}

async function refusal(files: { path: string; contents: string }[]): Promise<GeneratedCodeError> {
  try {
    await typeCheckGenerated(REPO_ROOT, files);
  } catch (error) {
    if (error instanceof GeneratedCodeError) return error;
    throw error;
  }
  throw new Error('the generated code was accepted');
}

describe('typeCheckGenerated', () => {
  it('accepts the committed generated code', async () => {
    const files = await committed();
    await expect(typeCheckGenerated(REPO_ROOT, files)).resolves.toBeUndefined();
  }, 30_000);

  it('refuses code that does not parse, as given, not as on disk, naming file and line', async () => {
    // An enum value with a newline, emitted as an unterminated string (a failure the emitters
    // have been caught producing). As with tsc, code that does not parse is reported alone.
    const broken = (await committed()).map((file) => (file.path.endsWith('validators.ts') ? { ...file, contents: `${file.contents}\nconst handlers = ['two\nlines'];\n` } : file));
    const validators = broken.find((f) => f.path.endsWith('validators.ts'))!.contents;
    const line = validators.split('\n').findIndex((l) => l.startsWith('const handlers')) + 1;
    const { problems } = await refusal(broken);
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^packages/validators/src/generated/validators\\.ts:${line}:\\d+  Unterminated string literal\\.$`)));
  }, 30_000);

  it('refuses code that does not type-check, every file in one report', async () => {
    // A second declaration of a generated function (the other failure the emitters have been
    // caught producing), and a call into the runtime that does not exist, in a new file.
    const broken = (await committed()).map((file) =>
      file.path.endsWith('schemas.ts') ? { ...file, contents: `${file.contents}\nexport function check(): void {}\nexport function check(): void {}\n` } : file,
    );
    broken.push({ path: 'packages/validators/src/generated/extra.ts', contents: "import { noSuchHelper } from '../runtime/report.ts';\nexport const x: number = noSuchHelper;\n" });
    const { problems } = await refusal(broken);
    expect(problems).toContainEqual(expect.stringMatching(/^packages\/types\/src\/generated\/schemas\.ts:\d+:\d+ {2}Duplicate function implementation\./));
    expect(problems).toContainEqual(expect.stringMatching(/^packages\/validators\/src\/generated\/extra\.ts:1:10 {2}Module .* has no exported member 'noSuchHelper'\./));
  }, 30_000);

  it('leaves no scratch copy behind, and checks each call afresh', async () => {
    const scratchCopies = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith('sip-endpoints-type-check-'));
    const before = new Set(scratchCopies());
    const files = await committed();
    const broken = files.map((file) => (file.path.endsWith('schemas.ts') ? { ...file, contents: `${file.contents}\nexport const broken: number = 'text';\n` } : file));
    await expect(typeCheckGenerated(REPO_ROOT, broken)).rejects.toThrow(/schemas\.ts:\d+:14 {2}Type 'string' is not assignable to type 'number'\./);
    await expect(typeCheckGenerated(REPO_ROOT, files)).resolves.toBeUndefined();
    expect(scratchCopies().filter((name) => !before.has(name))).toEqual([]);
    expect(existsSync(path.join(REPO_ROOT, 'packages/types/src/generated/schemas.ts'))).toBe(true);
  }, 30_000);

  it('stops the compiler when the run is given up', async () => {
    const stop = new AbortController();
    const checking = typeCheckGenerated(REPO_ROOT, await committed(), stop.signal);
    stop.abort();
    await expect(checking).rejects.toThrow('the type-check was stopped');
  }, 30_000);

  it('accepts the validators of the multi-resource fixture, whose bounded integers must narrow to numbers', async () => {
    const { model } = await bundleFixtureSpec();
    const validators = await renderValidators(model, 'fixture');
    expect(validators).toMatch(/ < 1\) issues =/);
    const files = [
      { path: VALIDATORS_PATH, contents: validators },
      // The validators import the types of the schemas they check.
      { path: SCHEMA_TYPES_PATH, contents: renderSchemaTypes(model, 'fixture') },
    ];
    await expect(typeCheckGenerated(REPO_ROOT, files)).resolves.toBeUndefined();
  }, 30_000);
});
