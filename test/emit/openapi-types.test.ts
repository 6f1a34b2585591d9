/**
 * The openapi-typescript emitter (scripts/emit/openapi-types.ts) skips `openapiTS`'s own lint and
 * bundle of a spec that the pipeline has bundled and linted already: what it emits must be what
 * `openapiTS` itself returns for the same spec and options, on every shape the pipeline meets.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { manyFields, manyResources } from '../../bench/scale-spec.ts';
import { openApiTypesOptions, renderOpenApiTypes, transformBundledSpec } from '../../scripts/emit/openapi-types.ts';
import { bundleFixtureSpec } from '../support/fixture-spec.ts';
import { readBundledSpec } from '../support/repo.ts';

const { default: openapiTS, astToString }: typeof import('openapi-typescript') = createRequire(import.meta.url)('openapi-typescript');

async function bothWays(spec: Record<string, unknown>): Promise<{ ours: string; openapiTS: string; used: [string[], string[]] }> {
  const usedByOurs = new Set<string>();
  const usedByTool = new Set<string>();
  const ours = astToString(await transformBundledSpec(spec, openApiTypesOptions(usedByOurs)));
  const tool = astToString(await openapiTS(structuredClone(spec) as never, openApiTypesOptions(usedByTool)));
  return { ours, openapiTS: tool, used: [[...usedByOurs].sort(), [...usedByTool].sort()] };
}

describe('openapi-typescript types', () => {
  it('are what openapiTS returns, on the committed spec, the multi-resource fixture and the scale bench specs', async () => {
    const bundle = await readBundledSpec();
    const specs = [bundle, (await bundleFixtureSpec()).spec, manyResources(bundle, 3), manyFields(bundle, 40)];
    for (const spec of specs) {
      const { ours, openapiTS: tool, used } = await bothWays(spec);
      expect(ours).toBe(tool);
      expect(used[0]).toEqual(used[1]);
      expect(used[0].length).toBeGreaterThan(0);
    }
  });

  it('leave the spec they are given as it was', async () => {
    const spec = await readBundledSpec();
    const before = JSON.stringify(spec);
    await renderOpenApiTypes(spec, 'test');
    expect(JSON.stringify(spec)).toBe(before);
  });
});
