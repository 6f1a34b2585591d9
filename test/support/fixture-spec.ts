/**
 * The multi-resource fixture spec (`test/fixtures/multi-resource/`), linted and bundled as
 * `npm run generate` does with the repository's `redocly.yaml`, and its model.
 */
import { readModel } from '../../scripts/model/read-model.ts';
import type { ApiModel } from '../../scripts/model/types.ts';
import { lintAndBundle } from '../../scripts/spec-check.ts';
import { REPO_ROOT } from './repo.ts';

export const FIXTURE_SPEC_ROOT = 'test/fixtures/multi-resource/openapi.yaml';

let bundled: Promise<{ spec: Record<string, any>; model: ApiModel }> | undefined;

/** The fixture's bundle and model; lint and bundle run once per test process. */
export function bundleFixtureSpec(): Promise<{ spec: Record<string, any>; model: ApiModel }> {
  bundled ??= lintAndBundle(REPO_ROOT, FIXTURE_SPEC_ROOT).then((text) => {
    const spec = JSON.parse(text) as Record<string, any>;
    return { spec, model: readModel(spec) };
  });
  return bundled;
}
