/**
 * One benchmark case, run in its own process so that JIT and GC state from one library never
 * leaks into another's numbers: `tsx bench/validators/case.ts <scenario> <library> <body> [dir]`.
 * Prints one JSON line: `{ opsPerSecond, samples, sinkSize }`; exits non-zero, printing no
 * figure, when the library gives the wrong verdict (or misses issues it promises to report).
 *
 * Method: distinct JSON.parse'd clones of the body, 100 calls per timed sample, every result
 * stored in a sink that is read afterwards, verdict checked before timing.
 */
import { Bench } from 'tinybench';
import { BODIES, EXPECTED_ISSUES, type BodyName } from './bodies.ts';
import { loadLibrary, type LibraryName } from './libraries.ts';
import type { WideScenario } from './wide-schema.ts';

const CALLS_PER_SAMPLE = 100;
const CLONES = 1_000;

const [scenario, libraryName, bodyName, dir] = process.argv.slice(2) as ['sip' | WideScenario, LibraryName, BodyName, string | undefined];
const body = BODIES[bodyName];
if (!body) throw new Error(`usage: case.ts <scenario> <library> <body> [dir]; got ${process.argv.slice(2).join(' ')}`);
const library = await loadLibrary(scenario, libraryName, dir);

const clones = Array.from({ length: CLONES }, () => JSON.parse(JSON.stringify(body)) as unknown);
const expectValid = EXPECTED_ISSUES[bodyName] === 0;
const first = library.run(clones[0]);
if (library.accepted(first) !== expectValid) throw new Error(`${libraryName} gives the wrong verdict on ${bodyName}`);
if (library.issueCount && library.issueCount(first) !== EXPECTED_ISSUES[bodyName]) {
  throw new Error(`${libraryName} finds ${library.issueCount(first)} issues in ${bodyName}, expected ${EXPECTED_ISSUES[bodyName]}`);
}

const sink: unknown[] = new Array(CALLS_PER_SAMPLE);
let next = 0;
const bench = new Bench({ time: Number(process.env.BENCH_TIME_MS ?? 1_000), warmupTime: 300 });
bench.add(`${libraryName} ${bodyName}`, () => {
  for (let i = 0; i < CALLS_PER_SAMPLE; i++) {
    sink[i] = library.run(clones[next]);
    next = next === CLONES - 1 ? 0 : next + 1;
  }
});
await bench.run();
const result = bench.tasks[0]!.result;
if (result.state !== 'completed') throw new Error(`${libraryName} ${bodyName}: ${result.state}`);
// Reading the sink keeps every stored result alive and observable.
const verdictsOk = sink.every((r) => library.accepted(r) === expectValid);
if (!verdictsOk) throw new Error('a stored result has the wrong verdict');
console.log(JSON.stringify({ opsPerSecond: (CALLS_PER_SAMPLE * 1000) / result.latency.p50, samples: result.latency.samplesCount, sinkSize: sink.length }));
