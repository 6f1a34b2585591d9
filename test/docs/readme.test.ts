/** The README's quick start shows the example that test/client runs, word for word. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, it } from 'vitest';
import { REPO_ROOT } from '../support/repo.ts';

it('README.md embeds examples/quick-start.ts verbatim', async () => {
  const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const example = await readFile(path.join(REPO_ROOT, 'examples/quick-start.ts'), 'utf8');
  expect(readme.includes('```ts\n' + example.trimEnd() + '\n```')).toBe(true);
});

it('README.md names the commands of the quick start, and each exists', async () => {
  const readme = await readFile(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const { scripts } = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  for (const command of ['npm ci', 'npm run generate', 'npm test', 'npm run mock', 'npm run example']) expect(readme).toContain(command);
  for (const script of ['generate', 'test', 'mock', 'example', 'bench', 'fuzz', 'test:browser', 'check:packages', 'test:consumer', 'check:breaking']) {
    expect(scripts[script], script).toBeTypeOf('string');
  }
});
