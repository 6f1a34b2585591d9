/**
 * The spec's YAML files as generate reads them before Redocly (scripts/spec-files.ts): a syntax
 * error is one problem at the line of the mistake, an alias bomb is refused, and a `$ref` that
 * leads back to itself is named by file and line.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkSpecFiles, MAX_ALIASES } from '../../scripts/spec-files.ts';
import { lintAndBundle, SpecError } from '../../scripts/spec-check.ts';
import { REPO_ROOT } from '../support/repo.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'sip-spec-files-'));
  await cp(path.join(REPO_ROOT, 'spec'), path.join(root, 'spec'), { recursive: true });
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function edit(file: string, change: (text: string) => string): Promise<void> {
  const target = path.join(root, file);
  const before = await readFile(target, 'utf8');
  const after = change(before);
  expect(after, `the edit of ${file} must change it`).not.toBe(before);
  await writeFile(target, after);
}

async function problems(): Promise<readonly string[]> {
  try {
    await lintAndBundle(root, 'spec/openapi.yaml');
  } catch (error) {
    if (error instanceof SpecError) return error.problems;
    throw error;
  }
  return [];
}

describe('reading the spec files', () => {
  it('finds nothing wrong with the spec as committed', () => {
    expect(checkSpecFiles(root, path.join(root, 'spec/openapi.yaml'))).toEqual([]);
  });

  it('reports a missing "]" once, at the line of the "[" it should close', async () => {
    const file = 'spec/components/schemas/SipEndpointFields.yaml';
    await edit(file, (t) => t.replace('    examples: [alice]\n', '    examples: [alice\n'));
    const line = (await readFile(path.join(root, file), 'utf8')).split('\n').indexOf('    examples: [alice') + 1;
    expect(await problems()).toEqual([`${file}:${line}:15  error  yaml-syntax  this "[" is never closed with "]"`]);
  });

  it('reports other syntax errors once, at the line the parser names', async () => {
    const file = 'spec/components/schemas/Encryption.yaml';
    await writeFile(path.join(root, file), 'title: Encryption\ntype: string\ntype: object\n');
    const [problem, ...rest] = await problems();
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^spec\/components\/schemas\/Encryption\.yaml:3:1 {2}error {2}yaml-syntax {2}Map keys must be unique/);
  });

  it('refuses an alias bomb, naming the file, before expanding it', async () => {
    const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let level = 1; level < 7; level++) {
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${String.fromCharCode(96 + level)}`).join(', ')}]`);
    }
    await writeFile(path.join(root, 'spec/components/schemas/Encryption.yaml'), `title: Encryption\ntype: string\nx-expansion:\n${levels.map((l) => `  ${l}`).join('\n')}\n`);
    expect(await problems()).toEqual([
      `spec/components/schemas/Encryption.yaml  error  yaml-aliases  the YAML aliases in this file expand too far (more than ${MAX_ALIASES} uses); write the values out or use $ref`,
    ]);
  });

  it.each([
    ['a file whose $ref names itself', 'title: Encryption\n$ref: ./Encryption.yaml\n', '2:1', './Encryption.yaml leads back to itself'],
    ['a property whose $ref names itself', 'title: Encryption\ntype: object\nproperties:\n  a:\n    $ref: "#/properties/a"\n', '5:5', '#/properties/a leads back to itself'],
    ['two $refs that name each other', 'title: Encryption\ntype: object\nproperties:\n  a:\n    $ref: "#/properties/b"\n  b:\n    $ref: "#/properties/a"\n', '5:5', '#/properties/b leads back to itself through 2 $refs'],
  ])('names the file and line of %s', async (_name, text, position, message) => {
    await writeFile(path.join(root, 'spec/components/schemas/Encryption.yaml'), text);
    const found = await problems();
    expect(found[0]).toBe(`spec/components/schemas/Encryption.yaml:${position}  error  no-circular-ref  $ref: ${message}, so it never reaches a value`);
  });

  it('accepts a spec in one JSON file (the bundle), and names the line of a $ref cycle or syntax error in one', async () => {
    // Plain JSON is read without the YAML parser; a problem in it is still reported with its line.
    const bundle = JSON.parse(await readFile(path.join(REPO_ROOT, 'generated/openapi.json'), 'utf8'));
    const file = path.join(root, 'openapi.json');
    await writeFile(file, JSON.stringify(bundle, null, 2));
    expect(checkSpecFiles(root, file)).toEqual([]);
    bundle.components.schemas.Loop = { $ref: '#/components/schemas/Loop' };
    const text = JSON.stringify(bundle, null, 2);
    await writeFile(file, text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"$ref": "#/components/schemas/Loop"'));
    const column = lines[line]!.indexOf('"$ref"') + 1;
    expect(checkSpecFiles(root, file)).toEqual([`openapi.json:${line + 1}:${column}  error  no-circular-ref  $ref: #/components/schemas/Loop leads back to itself, so it never reaches a value`]);
    await writeFile(file, text.replace('"openapi": "3.1.0",', '"openapi": "3.1.0"'));
    expect(checkSpecFiles(root, file)).toEqual([expect.stringMatching(/^openapi\.json:\d+:\d+ {2}error {2}yaml-syntax {2}/)]);
  });

  it('accepts a schema that refers to itself through a property (a recursive type)', async () => {
    await writeFile(path.join(root, 'spec/node.yaml'), 'type: object\nproperties:\n  child:\n    $ref: "#"\n');
    await edit('spec/openapi.yaml', (t) => `${t}x-extra:\n  $ref: ./node.yaml\n`);
    expect(checkSpecFiles(root, path.join(root, 'spec/openapi.yaml'))).toEqual([]);
  });
});
