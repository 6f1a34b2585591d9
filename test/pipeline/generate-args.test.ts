/** The options of `npm run generate` (scripts/generate.ts). */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../scripts/generate.ts';

const root = path.resolve('/repo');

describe('parseArgs', () => {
  it('defaults to the repository spec, written into the repository', () => {
    expect(parseArgs([], root)).toEqual({
      check: false,
      force: false,
      quiet: false,
      watch: false,
      specFile: path.join(root, 'spec/openapi.yaml'),
      place: { root, specDir: path.join(root, 'spec'), outRoot: root },
    });
  });

  it('takes a spec folder or file, and an output folder', () => {
    expect(parseArgs(['--spec', '/elsewhere/api', '--out', '/tmp/out', '--force'], root)).toMatchObject({
      force: true,
      specFile: path.resolve('/elsewhere/api/openapi.yaml'),
      place: { specDir: path.resolve('/elsewhere/api'), outRoot: path.resolve('/tmp/out') },
    });
    expect(parseArgs(['--spec', '/elsewhere/bundle.json'], root).specFile).toBe(path.resolve('/elsewhere/bundle.json'));
  });

  it('refuses an unknown option, or an option without its value, saying what it accepts', () => {
    expect(() => parseArgs(['--chekc'], root)).toThrow(/unknown argument "--chekc"; expected --check, --force, --quiet, --watch, --spec <path>, --out <folder>/);
    expect(() => parseArgs(['--out'], root)).toThrow('--out needs a value: --out <folder>');
    expect(() => parseArgs(['--spec', '--force'], root)).toThrow('--spec needs a value: --spec <path>');
  });
});
