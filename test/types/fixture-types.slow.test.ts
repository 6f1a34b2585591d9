/**
 * The types generated from the multi-resource fixture spec compile, and enforce its rules:
 * `fixtures/multi-resource-usage.ts` is compiled against them with the TypeScript compiler,
 * and every `@ts-expect-error` in it must meet an error.
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { renderOpenApiTypes } from '../../scripts/emit/openapi-types.ts';
import { renderSchemaTypes } from '../../scripts/emit/schema-types.ts';
import { bundleFixtureSpec } from '../support/fixture-spec.ts';
import { REPO_ROOT } from '../support/repo.ts';

let dir: string;
/** The diagnostics of one compilation of both files, by file name. */
let found: Map<string, string[]>;
beforeAll(async () => {
  const { spec, model } = await bundleFixtureSpec();
  dir = await mkdtemp(path.join(os.tmpdir(), 'fixture-types-'));
  await writeFile(path.join(dir, 'schemas.ts'), renderSchemaTypes(model, 'fixture'));
  await writeFile(path.join(dir, 'openapi.ts'), await renderOpenApiTypes(spec, 'fixture'));
  await copyFile(path.join(REPO_ROOT, 'test/types/fixtures/multi-resource-usage.ts'), path.join(dir, 'usage.ts'));
  // A refused body without its @ts-expect-error must fail: the check is not vacuous.
  await writeFile(
    path.join(dir, 'unexpected.ts'),
    "import type { UpdatePhoneNumberRequest } from './schemas.ts';\nexport const body: UpdatePhoneNumberRequest = { message_handler: 'laml_webhooks' };\n",
  );
  found = diagnostics(['usage.ts', 'unexpected.ts']);
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

function diagnostics(files: string[]): Map<string, string[]> {
  const program = ts.createProgram(files.map((f) => path.join(dir, f)), {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    noUnusedLocals: false,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2022.d.ts'],
  });
  const byFile = new Map<string, string[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file ? path.basename(d.file.fileName) : '(no file)';
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    byFile.set(file, [...(byFile.get(file) ?? []), `${file}:${line} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`]);
  }
  return byFile;
}

it('compiles the generated types and the usage file, meeting every @ts-expect-error', () => {
  expect([...found].filter(([file]) => file !== 'unexpected.ts').flatMap(([, messages]) => messages)).toEqual([]);
});

it('reports a refused body that has no @ts-expect-error', () => {
  expect(found.get('unexpected.ts')).toEqual([expect.stringMatching(/^unexpected\.ts:2 .*message_request_url/s)]);
});
