/**
 * What `npm run generate` remembers between runs, kept out of the repository under
 * `node_modules/.cache/sip-endpoints/`: a lock, so that two runs never write the same tree at
 * once, and a stamp of the last successful run, so that a run whose inputs and outputs are
 * unchanged can stop at once.
 *
 * Node built-ins only: the no-op run loads this module and nothing heavier.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Files outside the spec folder that decide what generate produces, or whether it passes: the
 * generated code is type-checked against the packages' hand-written sources.
 */
const TOOL_INPUTS = ['scripts', 'packages', 'package-lock.json', 'redocly.yaml', 'tsconfig.json'];

/** Folders under the inputs that are not inputs: outputs, installs and builds. */
export const NOT_INPUTS: ReadonlySet<string> = new Set(['generated', 'node_modules', 'dist']);

export interface RunPlace {
  /** The repository root: its scripts and tools do the work. */
  root: string;
  /** The folder of the spec's root file. */
  specDir: string;
  /** Where the generated files go. */
  outRoot: string;
}

/** The folder for one output tree's lock and stamp (several trees may share one node_modules). */
export function stateDir({ root, outRoot }: RunPlace): string {
  const key = createHash('sha256').update(path.resolve(outRoot)).digest('hex').slice(0, 16);
  return path.join(root, 'node_modules', '.cache', 'sip-endpoints', `generate-${key}`);
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function filesUnder(target: string, skip: ReadonlySet<string> = new Set()): string[] {
  try {
    return readdirSync(target, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && !path.relative(target, e.parentPath).split(path.sep).some((segment) => skip.has(segment)))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
  } catch {
    // A single file, or nothing: either way its name goes into the digest below.
    return [target];
  }
}

function readOrEmpty(file: string): Buffer | string {
  try {
    return readFileSync(file);
  } catch {
    return '(missing)';
  }
}

/** One hash of every input: the spec folder, the scripts, the lockfile and the tool configs. */
export function inputsDigest(place: RunPlace): string {
  const hash = createHash('sha256');
  const targets = [path.resolve(place.specDir), ...TOOL_INPUTS.map((t) => path.join(place.root, t))];
  hash.update(path.resolve(place.outRoot));
  for (const target of targets) {
    for (const file of filesUnder(target, NOT_INPUTS)) hash.update(`\0${file}\0`).update(sha256(readOrEmpty(file)));
  }
  return hash.digest('hex');
}

interface Stamp {
  inputs: string;
  /** Each output path (relative to the output root) with the SHA-256 of its contents. */
  outputs: Record<string, string>;
  ownedFolders: string[];
}

function stampFile(place: RunPlace): string {
  return path.join(stateDir(place), 'stamp.json');
}

/** Records a successful run: its inputs' digest (taken before it started) and what it wrote. */
export function writeStamp(place: RunPlace, inputs: string, files: readonly { path: string; contents: string }[], ownedFolders: readonly string[]): void {
  const stamp: Stamp = { inputs, outputs: Object.fromEntries(files.map((f) => [f.path, sha256(f.contents)])), ownedFolders: [...ownedFolders] };
  mkdirSync(stateDir(place), { recursive: true });
  writeFileSync(stampFile(place), JSON.stringify(stamp));
}

/** Forgets the last run, so that the next one regenerates (after a failed run, say). */
export function clearStamp(place: RunPlace): void {
  rmSync(stampFile(place), { force: true });
}

/**
 * True when the last successful run had these same inputs and every file it wrote is still
 * there, unchanged, with nothing else in its folders.
 */
export function isUpToDate(place: RunPlace, inputs: string): boolean {
  let stamp: Stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile(place), 'utf8')) as Stamp;
  } catch {
    return false;
  }
  if (stamp.inputs !== inputs) return false;
  for (const [file, hash] of Object.entries(stamp.outputs)) {
    if (sha256(readOrEmpty(path.join(place.outRoot, file))) !== hash) return false;
  }
  for (const folder of stamp.ownedFolders) {
    for (const file of filesUnder(path.join(place.outRoot, folder))) {
      const relative = path.relative(place.outRoot, file).split(path.sep).join('/');
      if (!(relative in stamp.outputs)) return false;
    }
  }
  return true;
}

export interface GenerateLock {
  release(): void;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock on one output tree: a folder created atomically, holding the owner's pid. A
 * lock whose owner has died (killed mid-run) is taken over. Returns the pid of the live
 * owner instead when another run holds it.
 */
export function takeLock(place: RunPlace): GenerateLock | { heldBy: number } {
  const lock = path.join(stateDir(place), 'lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      return { release: () => rmSync(lock, { recursive: true, force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(String(readOrEmpty(path.join(lock, 'pid'))));
      // An owner that has not written its pid yet is alive: it wrote the folder a moment ago.
      if (!Number.isInteger(owner) || owner <= 0 || isRunning(owner)) return { heldBy: owner > 0 ? owner : 0 };
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return { heldBy: 0 };
}
