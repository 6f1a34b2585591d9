/**
 * The validators section of `npm run bench`: every (library, body) case in its own child
 * process, repeated with the order shuffled, reported as the best ops/s and as ratios against
 * Ajv fail-fast, Ajv allErrors and zod 4; then the size of the built package, min+gzip.
 *
 *   BENCH_REPEATS=7     processes per case (the best is taken)
 *
 * Why the best and not the median: on this shared machine a whole process runs either at full
 * speed or at about half (every library alike, at random), so a median of a few processes
 * flips between the two; the best of several is the library's speed when nothing interferes.
 *   BENCH_TIME_MS=1000  timed duration per process
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { BODY_NAMES, type BodyName } from './bodies.ts';
import { LIBRARY_NAMES, type LibraryName } from './libraries.ts';
import { measurePackage } from '../package-size.ts';
import { best } from '../stats.ts';

const run = promisify(execFile);
const HERE = path.dirname(fileURLToPath(import.meta.url));
import { REPO_ROOT as ROOT } from '../../scripts/repo-root.ts';
const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);

/** The issue's goals, checked and printed with the figures. */
const GOALS = { validVsAjvFailFast: 2.5, invalidVsAjvAllErrors: 2, sizeBytes: 5 * 1024 };

type Case = { library: LibraryName; body: BodyName };

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}


async function runCase({ library, body }: Case): Promise<number> {
  const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
  const { stdout } = await run(process.execPath, [tsx, '--conditions=@sip-endpoints/source', path.join(HERE, 'case.ts'), library, body], {
    cwd: ROOT,
    env: process.env,
  });
  return (JSON.parse(stdout.trim().split('\n').at(-1)!) as { opsPerSecond: number }).opsPerSecond;
}

const LABEL_WIDTH = 38;
const format = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : `${(n / 1e3).toFixed(0)}k`);

export async function runValidatorsBench(): Promise<void> {
  const cases: Case[] = LIBRARY_NAMES.flatMap((library) => BODY_NAMES.map((body) => ({ library, body })));
  const samples = new Map<string, number[]>();
  const key = (c: Case) => `${c.library}|${c.body}`;
  for (let repeat = 1; repeat <= REPEATS; repeat++) {
    process.stdout.write(`  round ${repeat}/${REPEATS}: ${cases.length} processes …\n`);
    // One process at a time: parallel cases would compete for the same cores.
    for (const c of shuffle([...cases])) {
      const list = samples.get(key(c)) ?? [];
      list.push(await runCase(c));
      samples.set(key(c), list);
    }
  }
  const ops = (library: LibraryName, body: BodyName) => best(samples.get(key({ library, body }))!);

  console.log(`\n  CreateSipEndpointRequest, ops/s (best of ${REPEATS} processes) and ratios`);
  const header = ['ops/s'.padEnd(LABEL_WIDTH), ...BODY_NAMES.map((b) => b.padStart(9))].join('  ');
  console.log(`  ${header}`);
  for (const library of LIBRARY_NAMES) {
    console.log(`  ${[library.padEnd(LABEL_WIDTH), ...BODY_NAMES.map((b) => format(ops(library, b)).padStart(9))].join('  ')}`);
  }
  console.log(`\n  ${['ratio'.padEnd(LABEL_WIDTH), ...BODY_NAMES.map((b) => b.padStart(9))].join('  ')}`);
  for (const ours of ['ours (collect all)', 'ours (isX)'] as const) {
    for (const baseline of ['Ajv fail-fast', 'Ajv allErrors', 'zod 4 natural'] as const) {
      const ratios = BODY_NAMES.map((b) => `${(ops(ours, b) / ops(baseline, b)).toFixed(2)}x`.padStart(9));
      console.log(`  ${[`${ours} / ${baseline}`.padEnd(LABEL_WIDTH), ...ratios].join('  ')}`);
    }
  }

  const validRatio = ops('ours (collect all)', 'valid') / ops('Ajv fail-fast', 'valid');
  const invalidRatios = (['invalid1', 'invalid3'] as const).map((b) => ops('ours (collect all)', b) / ops('Ajv allErrors', b));
  const size = await measurePackage(ROOT, 'validators');
  console.log(`\n  goals:`);
  console.log(`  ${validRatio >= GOALS.validVsAjvFailFast ? '✓' : '✗'} valid body, ours (collect all) vs Ajv fail-fast: ${validRatio.toFixed(2)}x (goal ≥ ${GOALS.validVsAjvFailFast}x)`);
  console.log(
    `  ${invalidRatios.every((r) => r >= GOALS.invalidVsAjvAllErrors) ? '✓' : '✗'} invalid bodies, ours (collect all) vs Ajv allErrors: ${invalidRatios.map((r) => `${r.toFixed(2)}x`).join(', ')} (goal ≥ ${GOALS.invalidVsAjvAllErrors}x)`,
  );
  console.log(
    `  ${size.gzipBytes <= GOALS.sizeBytes ? '✓' : '✗'} @sip-endpoints/validators built: ${size.minifiedBytes} B minified, ${size.gzipBytes} B min+gzip (goal ≤ ${GOALS.sizeBytes} B)`,
  );
}
