/**
 * Bench section: the cost of our pipeline over the tools it wraps.
 *
 * Measures the full `npm run generate` (lint, bundle, model, every emitter, docs) against
 * running the three anchor CLIs alone, one after another: `redocly lint`, the
 * `openapi-typescript` CLI and `redocly build-docs`. Runs alternate between the two, and the
 * fastest of each is compared (see `best` in stats.ts for why). Goal: ratio ≤ 1.3.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { QUIET_TOOL_ENV } from '../scripts/run-tool.ts';
import { fastest } from './stats.ts';

import { REPO_ROOT as ROOT } from '../scripts/repo-root.ts';
const BIN = path.join(ROOT, 'node_modules/.bin');

function seconds(command: string, args: readonly string[], cwd = ROOT): number {
  const started = performance.now();
  const result = spawnSync(path.join(BIN, command), args, { cwd, env: { ...process.env, ...QUIET_TOOL_ENV }, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
  return (performance.now() - started) / 1000;
}


export interface GenerateBenchResult {
  ours: number;
  anchors: number;
  ratio: number;
  runs: number;
}

export function benchGenerate(runs = Number(process.env.BENCH_GENERATE_RUNS ?? 5)): GenerateBenchResult {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'sip-bench-'));
  try {
    const ours: number[] = [];
    const anchors: number[] = [];
    for (let i = 0; i < runs; i++) {
      ours.push(seconds('tsx', ['scripts/generate.ts', '--quiet']));
      anchors.push(
        seconds('redocly', ['lint', 'spec/openapi.yaml']) +
          // Run from the scratch folder: in the repository root it would pick up redocly.yaml
          // and ask for its multi-API settings.
          seconds('openapi-typescript', [path.join(ROOT, 'generated/openapi.json'), '-o', path.join(scratch, 'types.ts')], scratch) +
          seconds('redocly', ['build-docs', 'generated/openapi.json', '-o', path.join(scratch, 'docs.html'), '--inlineBundle']),
      );
    }
    return { ours: fastest(ours), anchors: fastest(anchors), ratio: fastest(ours) / fastest(anchors), runs };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function printGenerateBench(result: GenerateBenchResult): void {
  console.log(`\n## npm run generate vs the anchor CLIs alone (fastest of ${result.runs} alternating runs)`);
  console.log(`  npm run generate (everything)                          ${result.ours.toFixed(2)} s`);
  console.log(`  redocly lint + openapi-typescript + redocly build-docs  ${result.anchors.toFixed(2)} s`);
  console.log(`  ratio                                                  ${result.ratio.toFixed(2)}×  (goal ≤ 1.30×)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  printGenerateBench(benchGenerate());
}
