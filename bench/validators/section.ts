/**
 * The validators section of `npm run bench`: every (library, body) case in its own child
 * process, repeated with the order shuffled, reported as the best ops/s and as ratios against
 * Ajv (measured in the same run); then the size of the built package, min+gzip. A library that
 * gives a wrong verdict gets no figure. Run alone: `npx tsx --conditions=@sip-endpoints/source
 * bench/validators/run.ts`.
 *
 *   BENCH_REPEATS=7     processes per case (the best is taken)
 *   BENCH_TIME_MS=1000  timed duration per process
 *
 * Why the best and not the median: on this shared machine a whole process runs either at full
 * speed or at about half (every library alike, at random), so a median of a few processes
 * flips between the two; the best of several is the library's speed when nothing interferes.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { SIP_BODIES, type BodyName } from './bodies.ts';
import { SIP_LIBRARIES, WIDE_LIBRARIES, type LibraryName } from './libraries.ts';
import { WIDE_SCENARIOS, writeWideScenario, type WideScenario } from './wide-schema.ts';
import { measurePackage } from '../package-size.ts';
import { best } from '../stats.ts';
import { REPO_ROOT as ROOT } from '../../scripts/repo-root.ts';

const run = promisify(execFile);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);

const GOALS = { validVsAjvFailFast: 2.5, invalidVsAjvAllErrors: 2, wideValidVsAjv: 2, sizeBytes: 5 * 1024 };

type Scenario = 'sip' | WideScenario;
interface Case {
  scenario: Scenario;
  library: LibraryName;
  body: BodyName;
}

const SIP_BODY_NAMES = Object.keys(SIP_BODIES) as BodyName[];
const WIDE_BODY: Record<WideScenario, BodyName> = { wide100: 'valid (26 keys of 100 fields)', wide1000: 'valid (6 keys of 1,026 fields)' };

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** ops/s of one case, or the reason it gave no figure. */
async function runCase({ scenario, library, body }: Case, dir: string): Promise<number | string> {
  const tsx = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
  const args = [tsx, '--conditions=@sip-endpoints/source', path.join(HERE, 'case.ts'), scenario, library, body, ...(scenario === 'sip' ? [] : [path.join(dir, scenario)])];
  try {
    const { stdout } = await run(process.execPath, args, { cwd: ROOT, env: process.env });
    return (JSON.parse(stdout.trim().split('\n').at(-1)!) as { opsPerSecond: number }).opsPerSecond;
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? error);
    return /wrong verdict|finds \d+ issues/.exec(stderr)?.[0] ?? 'failed';
  }
}

const LABEL_WIDTH = 30;
const format = (n: number): string => (n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : `${(n / 1e3).toFixed(0)}k`);
const mark = (ok: boolean): string => (ok ? '✓' : '✗');

export async function runValidatorsBench(): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-validators-'));
  try {
    for (const scenario of Object.keys(WIDE_SCENARIOS) as WideScenario[]) writeWideScenario(scenario, path.join(dir, scenario));
    const cases: Case[] = [
      ...(Object.keys(SIP_LIBRARIES) as LibraryName[]).flatMap((library) => SIP_BODY_NAMES.map((body) => ({ scenario: 'sip' as const, library, body }))),
      ...(Object.keys(WIDE_SCENARIOS) as WideScenario[]).flatMap((scenario) =>
        (Object.keys(WIDE_LIBRARIES) as LibraryName[]).map((library) => ({ scenario, library, body: WIDE_BODY[scenario] })),
      ),
    ];
    const samples = new Map<string, number[]>();
    const refused = new Map<string, string>();
    const key = (c: Case) => `${c.scenario}|${c.library}|${c.body}`;
    for (let repeat = 1; repeat <= REPEATS; repeat++) {
      process.stdout.write(`  round ${repeat}/${REPEATS}: ${cases.length} processes …\n`);
      // One process at a time: parallel cases would compete for the same cores.
      for (const c of shuffle([...cases])) {
        const result = await runCase(c, dir);
        if (typeof result === 'string') refused.set(key(c), result);
        else samples.set(key(c), [...(samples.get(key(c)) ?? []), result]);
      }
    }
    /** Best ops/s, or undefined for a case that gave a wrong verdict in any process. */
    const ops = (scenario: Scenario, library: LibraryName, body: BodyName): number | undefined => {
      const k = key({ scenario, library, body });
      return refused.has(k) ? undefined : best(samples.get(k)!);
    };
    const cell = (value: number | undefined, k: string): string => (value === undefined ? `no figure: ${refused.get(k)}` : format(value));
    const ratio = (a: number | undefined, b: number | undefined): number => (a === undefined || b === undefined ? Number.NaN : a / b);

    console.log(`\n  CreateSipEndpointRequest, ops/s (best of ${REPEATS} processes)`);
    console.log(`  ${['ops/s'.padEnd(LABEL_WIDTH), ...SIP_BODY_NAMES.map((b) => b.padStart(9))].join('  ')}`);
    for (const library of Object.keys(SIP_LIBRARIES) as LibraryName[]) {
      const cells = SIP_BODY_NAMES.map((b) => cell(ops('sip', library, b), key({ scenario: 'sip', library, body: b })).padStart(9));
      console.log(`  ${[library.padEnd(LABEL_WIDTH), ...cells].join('  ')}`);
    }
    console.log(`\n  ${['ratio to Ajv fail-fast'.padEnd(LABEL_WIDTH), ...SIP_BODY_NAMES.map((b) => b.padStart(9))].join('  ')}`);
    for (const library of Object.keys(SIP_LIBRARIES) as LibraryName[]) {
      const cells = SIP_BODY_NAMES.map((b) => `${ratio(ops('sip', library, b), ops('sip', 'Ajv fail-fast', b)).toFixed(2)}x`.padStart(9));
      console.log(`  ${[library.padEnd(LABEL_WIDTH), ...cells].join('  ')}`);
    }

    console.log('\n  wide schemas, valid bodies, ops/s (best) and ratio to Ajv fail-fast');
    for (const scenario of Object.keys(WIDE_SCENARIOS) as WideScenario[]) {
      const body = WIDE_BODY[scenario];
      for (const library of Object.keys(WIDE_LIBRARIES) as LibraryName[]) {
        const value = ops(scenario, library, body);
        console.log(`  ${`${body}, ${library}`.padEnd(52)} ${cell(value, key({ scenario, library, body })).padStart(9)}  ${ratio(value, ops(scenario, 'Ajv fail-fast', body)).toFixed(2)}x`);
      }
    }

    const sipRatio = (library: LibraryName, body: BodyName, anchor: LibraryName = 'Ajv fail-fast') => ratio(ops('sip', library, body), ops('sip', anchor, body));
    const validRatio = sipRatio('ours (collect all)', 'valid');
    const invalidRatios = (['invalid1', 'invalid3'] as const).map((b) => sipRatio('ours (collect all)', b, 'Ajv allErrors'));
    const isRatios = (['invalid1', 'invalid3'] as const).map((b) => [sipRatio('ours (isX)', b), sipRatio('arktype 2 allows', b)] as const);
    const peers = (Object.keys(SIP_LIBRARIES) as LibraryName[]).filter((l) => !l.startsWith('ours'));
    const bestPeerValid = Math.max(...peers.map((l) => ops('sip', l, 'valid') ?? 0));
    const isValid = ops('sip', 'ours (isX)', 'valid') ?? 0;
    const wideRatio = ratio(ops('wide100', 'ours (collect all)', WIDE_BODY.wide100), ops('wide100', 'Ajv fail-fast', WIDE_BODY.wide100));
    const size = await measurePackage(ROOT, 'validators');
    console.log('\n  goals:');
    console.log(`  ${mark(validRatio >= GOALS.validVsAjvFailFast)} valid body, ours (collect all) vs Ajv fail-fast: ${validRatio.toFixed(2)}x (goal ≥ ${GOALS.validVsAjvFailFast}x)`);
    console.log(
      `  ${mark(invalidRatios.every((r) => r >= GOALS.invalidVsAjvAllErrors))} invalid bodies, ours (collect all) vs Ajv allErrors: ${invalidRatios.map((r) => `${r.toFixed(2)}x`).join(', ')} (goal ≥ ${GOALS.invalidVsAjvAllErrors}x)`,
    );
    console.log(
      `  ${mark(isRatios.every(([ours, ark]) => ours >= ark))} invalid bodies, ours (isX) vs Ajv fail-fast: ${isRatios.map(([o]) => `${o.toFixed(2)}x`).join(', ')} (goal ≥ arktype's ${isRatios.map(([, a]) => `${a.toFixed(2)}x`).join(', ')})`,
    );
    console.log(`  ${mark(isValid >= bestPeerValid)} valid body, ours (isX) vs the fastest peer: ${(isValid / bestPeerValid).toFixed(2)}x (goal ≥ 1x)`);
    console.log(`  ${mark(wideRatio >= GOALS.wideValidVsAjv)} 100-field schema, 26-key valid body, ours (collect all) vs Ajv fail-fast: ${wideRatio.toFixed(2)}x (goal ≥ ${GOALS.wideValidVsAjv}x)`);
    console.log(
      `  ${mark(size.gzipBytes <= GOALS.sizeBytes)} @sip-endpoints/validators built: ${size.minifiedBytes} B minified, ${size.gzipBytes} B min+gzip (goal ≤ ${GOALS.sizeBytes} B)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
