/**
 * Bench section: the cost of our pipeline over the tools it wraps, and of a run with nothing
 * to do.
 *
 * Measures the full `npm run generate -- --force` (lint, bundle, model, every emitter, docs,
 * type-check) against running the three anchor CLIs alone, one after another: `redocly lint`,
 * the `openapi-typescript` CLI and `redocly build-docs`; and a no-op `npm run generate` (inputs
 * and outputs unchanged since the last run) against the full run just before it. Runs
 * alternate, and the fastest of each is compared (see `best` in stats.ts for why).
 * Goals: full run ≤ 1.5× the anchors (the scale section has the larger specs); no-op ≤ 0.25×
 * the full run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { QUIET_TOOL_ENV } from '../scripts/run-tool.ts';
import { generateCommand } from './generate-command.ts';
import { fastest } from './stats.ts';

import { REPO_ROOT as ROOT } from '../scripts/repo-root.ts';
const BIN = path.join(ROOT, 'node_modules/.bin');

/** Seconds that a program (a path, or the name of a tool in node_modules/.bin) takes to run. */
function seconds(command: string, args: readonly string[], cwd = ROOT): number {
  const started = performance.now();
  const result = spawnSync(path.isAbsolute(command) ? command : path.join(BIN, command), args, { cwd, env: { ...process.env, ...QUIET_TOOL_ENV }, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
  return (performance.now() - started) / 1000;
}

function generateSeconds(extra: readonly string[]): number {
  const { file, args } = generateCommand(extra);
  return seconds(file, args);
}


export interface GenerateBenchResult {
  ours: number;
  anchors: number;
  ratio: number;
  noOp: number;
  noOpRatio: number;
  runs: number;
  /** The machine's 1-minute load average when the section started and ended. */
  load: { before: number; after: number };
}

export function benchGenerate(runs = Number(process.env.BENCH_GENERATE_RUNS ?? 5)): GenerateBenchResult {
  const loadBefore = os.loadavg()[0]!;
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'sip-bench-'));
  try {
    const ours: number[] = [];
    const noOps: number[] = [];
    const anchors: number[] = [];
    for (let i = 0; i < runs; i++) {
      ours.push(generateSeconds(['--force', '--quiet']));
      noOps.push(generateSeconds(['--quiet']));
      anchors.push(
        seconds('redocly', ['lint', 'spec/openapi.yaml']) +
          // Run from the scratch folder: in the repository root it would pick up redocly.yaml
          // and ask for its multi-API settings.
          seconds('openapi-typescript', [path.join(ROOT, 'generated/openapi.json'), '-o', path.join(scratch, 'types.ts')], scratch) +
          seconds('redocly', ['build-docs', 'generated/openapi.json', '-o', path.join(scratch, 'docs.html'), '--inlineBundle']),
      );
    }
    const load = { before: loadBefore, after: os.loadavg()[0]! };
    return { ours: fastest(ours), anchors: fastest(anchors), ratio: fastest(ours) / fastest(anchors), noOp: fastest(noOps), noOpRatio: fastest(noOps) / fastest(ours), runs, load };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function printGenerateBench(result: GenerateBenchResult): void {
  console.log(`\n## npm run generate vs the anchor CLIs alone (fastest of ${result.runs} alternating runs)`);
  console.log(`  npm run generate -- --force (everything)               ${result.ours.toFixed(2)} s`);
  console.log(`  redocly lint + openapi-typescript + redocly build-docs  ${result.anchors.toFixed(2)} s`);
  console.log(`  ratio                                                  ${result.ratio.toFixed(2)}×  (goal ≤ 1.50×)`);
  console.log(`  npm run generate with nothing to do (no-op)            ${result.noOp.toFixed(2)} s`);
  console.log(`  no-op ÷ --force                                        ${result.noOpRatio.toFixed(2)}×  (goal ≤ 0.25×)`);
  console.log(`  load average (1 min) at the start and the end: ${result.load.before.toFixed(2)}, ${result.load.after.toFixed(2)} on ${os.availableParallelism()} cores`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  printGenerateBench(benchGenerate());
}
