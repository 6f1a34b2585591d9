/**
 * The kinds of parameter values the client and mock runtimes convert query strings to. Shared
 * by the emitters that write their tables, so that neither emitter imports the other.
 */
import { ModelError } from '../model/read-model.ts';
import type { ParameterModel } from '../model/types.ts';

export type ParameterKind = 'string' | 'integer';

/** The kind of a path or query parameter; any other type is refused with its pointer. */
export function parameterKind(parameter: ParameterModel): ParameterKind {
  if (parameter.type.kind === 'string' || parameter.type.kind === 'integer') return parameter.type.kind;
  throw new ModelError(parameter.pointer, `parameters of kind ${parameter.type.kind} are not supported by the client and mock runtimes`);
}
