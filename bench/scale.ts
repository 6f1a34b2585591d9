/**
 * Bench section: how the cost of `npm run generate` grows with the spec, against the bare tools
 * on the same spec in the same run. Each synthetic spec (see scale-spec.ts) is generated with
 * `generate --spec <file> --out <scratch> --force`, and the anchor is `redocly lint` +
 * `openapi-typescript` + `redocly build-docs` on the same file, one after another. Runs
 * alternate (ours, then the anchors) and the fastest of each is compared, as in the generate
 * section (see `fastest` in stats.ts). Goals: at 1, 10 and 50 copies of the resource and with
 * 1,000 extra fields, ratio ≤ 1.5×; the curve of our seconds per resource shows whether growth
 * is linear.
 *
 *   BENCH_SCALE_RESOURCES=1,10,50  BENCH_SCALE_FIELDS=1000  BENCH_SCALE_RUNS=3
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stateDir } from '../scripts/generate-state.ts';
import { REPO_ROOT as ROOT } from '../scripts/repo-root.ts';
import { QUIET_TOOL_ENV } from '../scripts/run-tool.ts';
import { generateCommand } from './generate-command.ts';
import { manyFields, manyResources } from './scale-spec.ts';
import { fastest } from './stats.ts';

const BIN = path.join(ROOT, 'node_modules/.bin');
const GOAL = 1.5;

interface Timed {
  seconds: number;
  /** Why the command failed, when it did: its last lines of error output. */
  failure?: string;
}

/** Times a program: a path, or the name of a tool in node_modules/.bin. */
function time(command: string, args: readonly string[], cwd: string): Timed {
  const started = performance.now();
  const result = spawnSync(path.isAbsolute(command) ? command : path.join(BIN, command), args, { cwd, env: { ...process.env, ...QUIET_TOOL_ENV }, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const seconds = (performance.now() - started) / 1000;
  if (result.status === 0) return { seconds };
  const lines = `${result.stderr}\n${result.stdout}`.split('\n').filter((l) => l.trim() && !/[║╔╚]/.test(l));
  return { seconds, failure: lines.slice(0, 4).join(' | ') };
}

export interface ScaleCase {
  label: string;
  /** Copies of the resource, for the per-resource curve; undefined for the fields case. */
  resources?: number;
  ours: Timed;
  anchors: Timed;
  ratio: number;
}

function measure(label: string, spec: unknown, scratch: string, runs: number, resources?: number): ScaleCase {
  const folder = path.join(scratch, label.replace(/\W+/g, '-'));
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'openapi.json');
  writeFileSync(file, JSON.stringify(spec, null, 2));
  const outRoot = path.join(scratch, `${path.basename(folder)}-out`);
  const ours: Timed[] = [];
  const anchors: Timed[] = [];
  for (let run = 0; run < runs; run++) {
    const generate = generateCommand(['--spec', file, '--out', outRoot, '--force', '--quiet']);
    ours.push(time(generate.file, generate.args, ROOT));
    // From the scratch folder, so that Redocly uses its default rules, not the repository's config.
    const lint = time('redocly', ['lint', file], folder);
    const types = time('openapi-typescript', [file, '-o', path.join(folder, 'types.ts')], folder);
    const docs = time('redocly', ['build-docs', file, '-o', path.join(folder, 'docs.html'), '--inlineBundle'], folder);
    anchors.push({ seconds: lint.seconds + types.seconds + docs.seconds, failure: lint.failure ?? types.failure ?? docs.failure });
  }
  const best = (timings: Timed[]): Timed => ({ seconds: fastest(timings.map((t) => t.seconds)), failure: timings.find((t) => t.failure)?.failure });
  rmSync(stateDir({ root: ROOT, specDir: folder, outRoot }), { recursive: true, force: true });
  const [o, a] = [best(ours), best(anchors)];
  return { label, resources, ours: o, anchors: a, ratio: o.seconds / a.seconds };
}

const list = (text: string) => text.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);

/** The machine's 1-minute load average when the section started and ended: the context of its ratios. */
export const scaleLoad = { before: 0, after: 0 };

export function benchScale(): ScaleCase[] {
  scaleLoad.before = os.loadavg()[0]!;
  const bundle = JSON.parse(readFileSync(path.join(ROOT, 'generated/openapi.json'), 'utf8'));
  const resources = list(process.env.BENCH_SCALE_RESOURCES ?? '1,10,50');
  const fields = list(process.env.BENCH_SCALE_FIELDS ?? '1000');
  const runs = Number(process.env.BENCH_SCALE_RUNS ?? 3);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'sip-bench-scale-'));
  try {
    return [
      ...resources.map((n) => measure(`${n} resource${n === 1 ? '' : 's'}`, manyResources(bundle, n), scratch, runs, n)),
      ...fields.map((n) => measure(`${n} extra fields`, manyFields(bundle, n), scratch, runs)),
    ];
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    scaleLoad.after = os.loadavg()[0]!;
  }
}

export function printScaleBench(cases: readonly ScaleCase[]): void {
  console.log(`\n## npm run generate at scale vs the bare tools on the same spec (goal ≤ ${GOAL.toFixed(2)}×)`);
  console.log(`  ${'spec'.padEnd(18)} ${'generate'.padStart(9)} ${'bare tools'.padStart(11)} ${'ratio'.padStart(7)}  ${'s/resource'.padStart(10)}`);
  for (const c of cases) {
    const perResource = c.resources ? (c.ours.seconds / c.resources).toFixed(2) : '';
    const verdict = c.ours.failure ? '  ✗ generate failed' : c.ratio <= GOAL ? '  ✓' : '  ✗ over the goal';
    console.log(`  ${c.label.padEnd(18)} ${c.ours.seconds.toFixed(2).padStart(8)}s ${c.anchors.seconds.toFixed(2).padStart(10)}s ${c.ratio.toFixed(2).padStart(6)}×  ${perResource.padStart(10)}${verdict}`);
    if (c.ours.failure) console.log(`      generate: ${c.ours.failure}`);
    if (c.anchors.failure) console.log(`      bare tools: ${c.anchors.failure}`);
  }
  console.log(`  load average (1 min) at the start and the end: ${scaleLoad.before.toFixed(2)}, ${scaleLoad.after.toFixed(2)} on ${os.availableParallelism()} cores`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  printScaleBench(benchScale());
}
