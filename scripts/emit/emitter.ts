/**
 * The contract between the orchestrator (`scripts/generate.ts`) and each emitter.
 *
 * An emitter is a pure function from the bundled spec and its model to files. It never
 * writes to disk: the orchestrator collects every file first, and only when every step has
 * succeeded moves them into place (or, with `--check`, compares them with what is committed).
 */
import type { ApiModel } from '../model/types.ts';

export interface GeneratedFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  contents: string;
}

/** What an emitter that needs only the bundled spec gets (see `CompilerEmitter`). */
export interface SpecContext {
  /** The bundled spec as parsed JSON (`generated/openapi.json`). */
  spec: Record<string, unknown>;
  /** The first 12 hex digits of the SHA-256 of the bundled spec, stamped into headers. */
  specHash: string;
  /** The repository root, for emitters that run a tool (such as `redocly build-docs`). */
  root: string;
}

export interface EmitContext extends SpecContext {
  model: ApiModel;
  /** Aborted when the run has failed elsewhere: an emitter running a child process stops it. */
  signal?: AbortSignal;
}

interface EmitterBase {
  /** Shown in the step log. */
  name: string;
  /**
   * Folders this emitter alone writes. A file there that the emitter no longer produces is
   * stale: `--check` reports it and a normal run deletes it.
   */
  owns: readonly string[];
}

/** An emitter that reads the model: it runs on the pipeline's main thread. */
export interface ModelEmitter extends EmitterBase {
  emit(context: EmitContext): GeneratedFile[] | Promise<GeneratedFile[]>;
  /**
   * True when `emit` mostly waits on a child process: it is then started before the others.
   * Such an `emit` must have spawned its process before it first awaits: the steps that run
   * meanwhile are synchronous, and nothing it awaits completes until they end.
   */
  childProcess?: boolean;
  needsCompiler?: false;
}

/**
 * An emitter that runs the TypeScript compiler (openapi-typescript does) on the bundled spec
 * alone. It runs on the pipeline's compiler thread, so that the main thread never loads the
 * compiler's megabytes; and it starts as soon as the spec is bundled, without waiting for the
 * model. Its result must not depend on anything but the context.
 */
export interface CompilerEmitter extends EmitterBase {
  needsCompiler: true;
  /** Loads what `emit` needs, while the spec is still being read (the thread has nothing else to do then). */
  prepare?(): void;
  emit(context: SpecContext): GeneratedFile[] | Promise<GeneratedFile[]>;
}

export type Emitter = ModelEmitter | CompilerEmitter;

export const isCompilerEmitter = (emitter: Emitter): emitter is CompilerEmitter => emitter.needsCompiler === true;
