/** The pure parts of `npm run build`: build order and the `.ts` → `.js` specifier rewrite. */
import { describe, expect, it } from 'vitest';
import { rewriteRelativeSpecifier } from '../../scripts/build-packages.ts';
import { buildOrder, withDependencies, type WorkspacePackage } from '../../scripts/packages/workspace-packages.ts';

const pkg = (name: string, ...deps: string[]): WorkspacePackage => ({ name, version: '0.1.0', dir: `/p/${name}`, workspaceDependencies: deps });

describe('buildOrder', () => {
  it('puts dependencies first, ties in name order', () => {
    const packages = [pkg('mock', 'types', 'validators'), pkg('client', 'validators', 'types'), pkg('validators', 'types'), pkg('types')];
    expect(buildOrder(packages).map((p) => p.name)).toEqual(['types', 'validators', 'client', 'mock']);
  });

  it('refuses a cycle, naming it', () => {
    expect(() => buildOrder([pkg('a', 'b'), pkg('b', 'a')])).toThrow('a → b → a');
  });

  it('selects named packages with their dependencies, and refuses unknown names', () => {
    const ordered = buildOrder([pkg('types'), pkg('validators', 'types'), pkg('client', 'validators')]);
    expect(withDependencies(ordered, ['validators']).map((p) => p.name)).toEqual(['types', 'validators']);
    expect(withDependencies(ordered, []).map((p) => p.name)).toEqual(['types', 'validators', 'client']);
    expect(() => withDependencies(ordered, ['typo'])).toThrow('no workspace package named typo');
  });
});

describe('rewriteRelativeSpecifier', () => {
  it.each([
    ['./generated/schemas.ts', './generated/schemas.js'],
    ['../runtime/issue.ts', '../runtime/issue.js'],
    ['./x.mts', './x.mjs'],
    ['./x.cts', './x.cjs'],
    ['./x.d.ts', './x.d.ts'],
    ['./x.js', './x.js'],
    ['@sip-endpoints/types', '@sip-endpoints/types'],
    ['node:http', 'node:http'],
  ])('%s → %s', (from, to) => {
    expect(rewriteRelativeSpecifier(from)).toBe(to);
  });
});
