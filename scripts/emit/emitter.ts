/**
 * The contract between the orchestrator (`scripts/generate.ts`) and each emitter.
 *
 * An emitter is a pure function from the bundled spec and its model to files. It never
 * writes to disk: the orchestrator collects every file first, and only when every step has
 * succeeded moves them into place (or, with `--check`, compares them with what is committed).
 */
import { createRequire } from 'node:module';
import type { ApiModel } from '../model/types.ts';

const require = createRequire(import.meta.url);

/**
 * Loads a package's CommonJS build with `require`. For the TypeScript compilers this is about
 * twice as fast as `import`: importing CommonJS from ESM makes Node scan the whole file for its
 * export names first (several MB for a compiler). Emitters load their heavy packages this way,
 * and so does the emit worker's preload, so that both get the same module instance.
 */
export function requireCommonJs<T>(name: string): T {
  return require(name) as T;
}

export interface GeneratedFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  contents: string;
}

export interface EmitContext {
  /** The bundled spec as parsed JSON (`generated/openapi.json`). */
  spec: Record<string, unknown>;
  model: ApiModel;
  /** The first 12 hex digits of the SHA-256 of the bundled spec, stamped into headers. */
  specHash: string;
  /** The repository root, for emitters that run a tool (such as `redocly build-docs`). */
  root: string;
}

export interface Emitter {
  /** Shown in the step log. */
  name: string;
  /**
   * Folders this emitter alone writes. A file there that the emitter no longer produces is
   * stale: `--check` reports it and a normal run deletes it.
   */
  owns: readonly string[];
  emit(context: EmitContext): GeneratedFile[] | Promise<GeneratedFile[]>;
  /**
   * Packages the emitter loads lazily, with `requireCommonJs`, that are slow to load (a
   * TypeScript compiler). The emit worker requires them as it starts, overlapping the reading
   * of the spec. `emit` must load them itself too: this is a hint, not a dependency injection.
   */
  preload?: readonly string[];
  /**
   * For an emitter that runs a slow tool: start the tool before the spec is even linted, so
   * that it loads while the rest of the pipeline runs, and give it its input in `emit` later.
   * The orchestrator calls `start` first thing, then `emit` on what it returns once the spec is
   * ready (unless an earlier step failed), and `stop` at the end in every case. Without `start`,
   * the orchestrator calls `emit` above.
   */
  start?(root: string): StartedEmitter;
}

/** An emitter whose tool is already running, waiting for its input. */
export interface StartedEmitter {
  emit(context: EmitContext): Promise<GeneratedFile[]>;
  /** Stops the tool and cleans up; harmless after `emit`. */
  stop(): Promise<void>;
}
