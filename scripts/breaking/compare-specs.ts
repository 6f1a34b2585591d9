/**
 * Compares two bundled specs (the last release's and the current one) and lists what changed
 * for someone who uses the API or the packages generated from it. Pure: models in, changes out.
 *
 * A change is **breaking** when code written against the old spec can stop working:
 * - an operation removed, or its operationId (the name the types and client use) changed;
 * - a named schema removed (its type disappears from `@sip-endpoints/types`);
 * - a field or parameter removed, from a request or a response;
 * - an enum value removed;
 * - a request field or parameter newly required (object `required`, or a field added as
 *   required), or a request body newly required;
 * - a handler rule that needs a field the old rule did not, for one `call_handler` value;
 * - a type change that rejects values the old type accepted (in a request), or allows values
 *   the old type ruled out (in a response, where the client must understand them);
 * - a success response removed, or its body changed to another schema.
 *
 * Everything else found (additions, relaxed rules) is listed as `info`.
 *
 * Whether a schema is a request or a response decides some verdicts, so every object schema
 * is first placed by what reaches it: request bodies and parameters, or responses. An `allOf`
 * base such as `SipEndpointFields` is judged through the schemas that include it (the model
 * flattens `allOf` into them); any other schema nothing reaches is judged by the strictest
 * reading, as if both requests and responses used it.
 */
import { readModel } from '../model/read-model.ts';
import type { ApiModel, FieldModel, HandlerRulesModel, ObjectModel, OperationModel, ParameterModel, TypeModel } from '../model/types.ts';

export type ChangeKind =
  | 'removed-operation'
  | 'renamed-operation'
  | 'removed-schema'
  | 'removed-field'
  | 'removed-parameter'
  | 'removed-enum-value'
  | 'newly-required-field'
  | 'newly-required-parameter'
  | 'handler-newly-requires-field'
  | 'type-change'
  | 'removed-response'
  | 'added'
  | 'relaxed';

export interface SpecChange {
  severity: 'breaking' | 'info';
  kind: ChangeKind;
  /** What changed, e.g. `POST /endpoints/sip`, `CreateSipEndpointRequest.caller_id`. */
  subject: string;
  /** One readable sentence. */
  message: string;
}

/** Where a schema is used: sent by clients (request) or received by them (response). */
interface Usage {
  request: boolean;
  response: boolean;
}

const code = (text: string): string => `\`${text}\``;

function operationKey(op: OperationModel): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}

/** Records, for every named object schema, whether requests or responses reach it. */
function usages(model: ApiModel): Map<string, Usage> {
  const used = new Map<string, Usage>();
  const objects = new Map(model.schemas.filter((s): s is ObjectModel => s.kind === 'object').map((s) => [s.name, s]));
  const mark = (name: string, side: keyof Usage): boolean => {
    const usage = used.get(name) ?? { request: false, response: false };
    const isNew = !usage[side];
    usage[side] = true;
    used.set(name, usage);
    return isNew;
  };
  const visitType = (type: TypeModel, side: keyof Usage): void => {
    if (type.kind === 'array') visitType(type.items, side);
    if (type.kind === 'object-ref') visitSchema(type.name, side);
  };
  const visitSchema = (name: string, side: keyof Usage): void => {
    if (!mark(name, side)) return; // already walked; also ends recursive schemas
    for (const field of objects.get(name)?.fields ?? []) visitType(field.type, side);
  };
  for (const op of model.operations) {
    if (op.requestBody) visitSchema(op.requestBody.schema, 'request');
    for (const parameter of op.parameters) visitType(parameter.type, 'request');
    for (const response of [...op.successes, ...op.errors]) if (response.schema) visitSchema(response.schema, 'response');
  }
  return used;
}

/**
 * Object schemas that other schemas include through `allOf`. The model copies their fields
 * (pointers and all) into each includer, so their changes show up, with the right request or
 * response verdict, in the schemas that use them; comparing them too would repeat each change.
 */
function allOfBases(model: ApiModel): Set<string> {
  const bases = new Set<string>();
  for (const schema of model.schemas) {
    if (schema.kind !== 'object') continue;
    for (const field of schema.fields) {
      if (!field.pointer.startsWith(`${schema.pointer}/`)) bases.add(field.pointer.split('/')[3]!);
    }
  }
  return bases;
}

function mergedUsage(a: Map<string, Usage>, b: Map<string, Usage>, name: string): Usage {
  const x = a.get(name);
  const y = b.get(name);
  return { request: Boolean(x?.request || y?.request), response: Boolean(x?.response || y?.response) };
}

function describeType(type: TypeModel): string {
  const nullable = type.nullable ? ' | null' : '';
  switch (type.kind) {
    case 'string': {
      const details = [
        type.format && `format ${type.format}`,
        type.pattern && `pattern ${type.pattern}`,
        type.enum && `${type.enum.open ? 'open' : 'closed'} enum ${type.enum.name ?? type.enum.values.join('|')}`,
      ].filter(Boolean);
      return `string${details.length ? ` (${details.join(', ')})` : ''}${nullable}`;
    }
    case 'integer': {
      const bounds = [type.minimum !== undefined && `≥ ${type.minimum}`, type.maximum !== undefined && `≤ ${type.maximum}`].filter(Boolean);
      return `integer${bounds.length ? ` (${bounds.join(', ')})` : ''}${nullable}`;
    }
    case 'array':
      return `array of ${describeType(type.items)}${type.minItems !== undefined ? ` (at least ${type.minItems})` : ''}${nullable}`;
    case 'object-ref':
      return `${type.name}${nullable}`;
    default:
      return `${type.kind}${nullable}`;
  }
}

/** The type without its pointers, to compare two types that are written alike. */
function withoutPointers(value: unknown): unknown {
  return JSON.stringify(value, (key, inner) => (key === 'pointer' ? undefined : inner));
}

/**
 * Whether every value `narrow` accepts is also accepted by `wide`. Conservative: when it
 * cannot tell (two different patterns), it answers no. Enum values are compared by the enum
 * check, and named objects by the schema check, so here only their names must match.
 */
export function acceptsAllOf(wide: TypeModel, narrow: TypeModel): boolean {
  if (narrow.nullable && !wide.nullable) return false;
  switch (wide.kind) {
    case 'string': {
      if (narrow.kind !== 'string') return false;
      if (wide.format !== undefined && wide.format !== narrow.format) return false;
      if (wide.pattern !== undefined && wide.pattern !== narrow.pattern) return false;
      if (wide.enum && !wide.enum.open) {
        if (!narrow.enum || narrow.enum.open) return false;
        if (narrow.enum.name !== wide.enum.name && !narrow.enum.values.every((v) => wide.enum!.values.includes(v))) return false;
      }
      return true;
    }
    case 'integer':
      if (narrow.kind !== 'integer') return false;
      if (wide.minimum !== undefined && (narrow.minimum === undefined || narrow.minimum < wide.minimum)) return false;
      if (wide.maximum !== undefined && (narrow.maximum === undefined || narrow.maximum > wide.maximum)) return false;
      return true;
    case 'array':
      if (narrow.kind !== 'array') return false;
      if (wide.minItems !== undefined && (narrow.minItems ?? 0) < wide.minItems) return false;
      return acceptsAllOf(wide.items, narrow.items);
    case 'object-ref':
      return narrow.kind === 'object-ref' && narrow.name === wide.name;
    default:
      // Conservative for the other kinds: only a type written the same way accepts the same values.
      return withoutPointers(wide) === withoutPointers(narrow);
  }
}

/** A type change is breaking when requests lose values, or responses gain values. */
function typeChangeBreaks(before: TypeModel, after: TypeModel, usage: Usage): string | undefined {
  if (usage.request && !acceptsAllOf(after, before)) return 'rejects values it accepted';
  if (usage.response && !acceptsAllOf(before, after)) return 'may return values clients do not expect';
  return undefined;
}

function describeAlternatives(alternatives: readonly (readonly string[])[]): string {
  if (alternatives.length === 0) return 'nothing more';
  return alternatives.map((fields) => fields.map(code).join(' and ')).join(' or ');
}

/**
 * Whether every body that met the old rule meets the new one: each old alternative must
 * contain some new alternative (having all fields of `a` then means having all of `b`).
 */
function ruleStillMet(before: readonly (readonly string[])[], after: readonly (readonly string[])[]): boolean {
  if (after.length === 0) return true;
  const oldAlternatives = before.length === 0 ? [[]] : before;
  return oldAlternatives.every((a) => after.some((b) => b.every((field) => a.includes(field))));
}

class Comparison {
  readonly changes: SpecChange[] = [];
  private readonly usageBefore: Map<string, Usage>;
  private readonly usageAfter: Map<string, Usage>;
  private readonly bases: Set<string>;

  constructor(
    private readonly before: ApiModel,
    private readonly after: ApiModel,
  ) {
    this.usageBefore = usages(before);
    this.usageAfter = usages(after);
    this.bases = new Set([...allOfBases(before), ...allOfBases(after)]);
  }

  private add(severity: SpecChange['severity'], kind: ChangeKind, subject: string, message: string): void {
    this.changes.push({ severity, kind, subject, message });
  }

  private usage(name: string): Usage {
    const usage = mergedUsage(this.usageBefore, this.usageAfter, name);
    // Reached by nothing: judged as if both sides used it (the strictest reading).
    return usage.request || usage.response ? usage : { request: true, response: true };
  }

  run(): SpecChange[] {
    this.operations();
    this.schemas();
    return this.changes;
  }

  private operations(): void {
    const afterByKey = new Map(this.after.operations.map((op) => [operationKey(op), op]));
    const beforeKeys = new Set(this.before.operations.map(operationKey));
    for (const old of this.before.operations) {
      const key = operationKey(old);
      const current = afterByKey.get(key);
      if (!current) {
        this.add('breaking', 'removed-operation', key, `operation ${code(old.operationId)} (${key}) was removed`);
        continue;
      }
      if (current.operationId !== old.operationId) {
        this.add('breaking', 'renamed-operation', key, `operationId changed from ${code(old.operationId)} to ${code(current.operationId)}`);
      }
      this.parameters(key, old.parameters, current.parameters);
      this.requestBody(key, old, current);
      this.responses(key, old, current);
    }
    for (const op of this.after.operations) {
      if (!beforeKeys.has(operationKey(op))) this.add('info', 'added', operationKey(op), `operation ${code(op.operationId)} was added`);
    }
  }

  private parameters(key: string, before: readonly ParameterModel[], after: readonly ParameterModel[]): void {
    const id = (p: ParameterModel): string => `${p.in}:${p.name}`;
    const afterById = new Map(after.map((p) => [id(p), p]));
    for (const old of before) {
      const subject = `${key} ${old.in} parameter ${old.name}`;
      const current = afterById.get(id(old));
      if (!current) {
        this.add('breaking', 'removed-parameter', subject, `${old.in} parameter ${code(old.name)} was removed`);
        continue;
      }
      if (current.required && !old.required) this.add('breaking', 'newly-required-parameter', subject, `${old.in} parameter ${code(old.name)} is now required`);
      if (!current.required && old.required) this.add('info', 'relaxed', subject, `${old.in} parameter ${code(old.name)} is now optional`);
      if (!acceptsAllOf(current.type, old.type)) {
        this.add('breaking', 'type-change', subject, `type changed from ${describeType(old.type)} to ${describeType(current.type)}, which rejects values it accepted`);
      }
    }
    const beforeIds = new Set(before.map(id));
    for (const p of after) {
      if (beforeIds.has(id(p))) continue;
      const subject = `${key} ${p.in} parameter ${p.name}`;
      if (p.required) this.add('breaking', 'newly-required-parameter', subject, `required ${p.in} parameter ${code(p.name)} was added`);
      else this.add('info', 'added', subject, `optional ${p.in} parameter ${code(p.name)} was added`);
    }
  }

  private requestBody(key: string, before: OperationModel, after: OperationModel): void {
    const subject = `${key} request body`;
    if (before.requestBody && !after.requestBody) {
      this.add('breaking', 'type-change', subject, `the request body (${before.requestBody.schema}) was removed`);
      return;
    }
    if (!before.requestBody && after.requestBody) {
      const severity = after.requestBody.required ? 'breaking' : 'info';
      this.add(severity, after.requestBody.required ? 'newly-required-field' : 'added', subject, `a ${after.requestBody.required ? 'required' : 'optional'} request body (${after.requestBody.schema}) was added`);
      return;
    }
    if (!before.requestBody || !after.requestBody) return;
    if (before.requestBody.schema !== after.requestBody.schema) {
      this.add('breaking', 'type-change', subject, `the request body changed from ${before.requestBody.schema} to ${after.requestBody.schema}`);
    }
    if (after.requestBody.required && !before.requestBody.required) {
      this.add('breaking', 'newly-required-field', subject, 'the request body is now required');
    }
  }

  private responses(key: string, before: OperationModel, after: OperationModel): void {
    const afterByStatus = new Map(after.successes.map((r) => [r.status, r]));
    for (const old of before.successes) {
      const subject = `${key} response ${old.status}`;
      const current = afterByStatus.get(old.status);
      if (!current) {
        this.add('breaking', 'removed-response', subject, `success response ${old.status} was removed`);
      } else if (current.schema !== old.schema) {
        this.add('breaking', 'type-change', subject, `the body of response ${old.status} changed from ${old.schema ?? 'empty'} to ${current.schema ?? 'empty'}`);
      }
    }
    const beforeStatuses = new Set(before.successes.map((r) => r.status));
    for (const r of after.successes) {
      if (!beforeStatuses.has(r.status)) this.add('info', 'added', `${key} response ${r.status}`, `success response ${r.status} was added`);
    }
  }

  private schemas(): void {
    const afterByName = new Map(this.after.schemas.map((s) => [s.name, s]));
    for (const old of this.before.schemas) {
      const current = afterByName.get(old.name);
      if (!current) {
        this.add('breaking', 'removed-schema', old.name, `schema ${code(old.name)} was removed`);
      } else if (old.kind === 'enum' && current.kind === 'enum') {
        this.enumValues(old.name, old.values, current.values);
      } else if (old.kind === 'object' && current.kind === 'object') {
        if (!this.bases.has(old.name)) this.objectSchema(old, current);
      } else {
        this.add('breaking', 'type-change', old.name, `schema ${code(old.name)} changed from ${old.kind} to ${current.kind}`);
      }
    }
    const beforeNames = new Set(this.before.schemas.map((s) => s.name));
    for (const s of this.after.schemas) if (!beforeNames.has(s.name)) this.add('info', 'added', s.name, `schema ${code(s.name)} was added`);
  }

  private enumValues(name: string, before: readonly string[], after: readonly string[]): void {
    for (const value of before.filter((v) => !after.includes(v))) {
      this.add('breaking', 'removed-enum-value', `${name}.${value}`, `enum value ${code(value)} was removed from ${code(name)}`);
    }
    // Responses use open enums (any string is accepted), so a new value breaks no reader.
    for (const value of after.filter((v) => !before.includes(v))) {
      this.add('info', 'added', `${name}.${value}`, `enum value ${code(value)} was added to ${code(name)}`);
    }
  }

  private objectSchema(before: ObjectModel, after: ObjectModel): void {
    const usage = this.usage(before.name);
    const afterFields = new Map(after.fields.map((f) => [f.name, f]));
    for (const old of before.fields) {
      const subject = `${before.name}.${old.name}`;
      const current = afterFields.get(old.name);
      if (!current) {
        this.add('breaking', 'removed-field', subject, `field ${code(old.name)} was removed from ${code(before.name)}`);
        continue;
      }
      this.fieldRequirement(before.name, old, current, usage);
      const reason = typeChangeBreaks(old.type, current.type, usage);
      if (reason) {
        this.add('breaking', 'type-change', subject, `type changed from ${describeType(old.type)} to ${describeType(current.type)}, which ${reason}`);
      } else if (describeType(old.type) !== describeType(current.type)) {
        this.add('info', 'relaxed', subject, `type changed from ${describeType(old.type)} to ${describeType(current.type)}`);
      }
    }
    const beforeFields = new Set(before.fields.map((f) => f.name));
    for (const field of after.fields) {
      if (beforeFields.has(field.name)) continue;
      const subject = `${before.name}.${field.name}`;
      if (field.required && usage.request) {
        this.add('breaking', 'newly-required-field', subject, `required field ${code(field.name)} was added to ${code(before.name)}`);
      } else {
        this.add('info', 'added', subject, `${field.required ? 'required' : 'optional'} field ${code(field.name)} was added to ${code(before.name)}`);
      }
    }
    if (usage.request && before.unknownProperties === 'allow' && after.unknownProperties === 'reject') {
      this.add('breaking', 'type-change', before.name, `${code(before.name)} now rejects unknown fields`);
    }
    for (const afterRules of after.handlerRules) {
      const beforeRules = before.handlerRules.find((r) => r.discriminator === afterRules.discriminator);
      if (beforeRules) this.handlerRules(before.name, beforeRules, afterRules);
      else if (usage.request) {
        for (const rule of afterRules.rules.filter((r) => r.alternatives.length > 0)) {
          this.add('breaking', 'handler-newly-requires-field', `${before.name} ${afterRules.discriminator}=${rule.handler}`, `${code(`${afterRules.discriminator}: ${rule.handler}`)} in ${code(before.name)} now needs ${describeAlternatives(rule.alternatives)} (before: nothing more)`);
        }
      }
    }
  }

  private fieldRequirement(schema: string, before: FieldModel, after: FieldModel, usage: Usage): void {
    const subject = `${schema}.${before.name}`;
    if (after.required && !before.required) {
      // A response that now always carries a field breaks no reader.
      if (usage.request) this.add('breaking', 'newly-required-field', subject, `field ${code(before.name)} of ${code(schema)} is now required`);
      else this.add('info', 'relaxed', subject, `field ${code(before.name)} of ${code(schema)} is now always present`);
    }
    if (!after.required && before.required) {
      // A request field made optional breaks no sender; a response field that may be absent breaks readers.
      if (usage.response) this.add('breaking', 'type-change', subject, `field ${code(before.name)} of ${code(schema)} may now be absent`);
      else this.add('info', 'relaxed', subject, `field ${code(before.name)} of ${code(schema)} is now optional`);
    }
  }

  private handlerRules(schema: string, before: HandlerRulesModel, after: HandlerRulesModel): void {
    const afterRules = new Map(after.rules.map((r) => [r.handler, r]));
    for (const old of before.rules) {
      const current = afterRules.get(old.handler);
      if (!current) continue; // the handler itself was removed: reported as a removed enum value
      const subject = `${schema} ${after.discriminator}=${old.handler}`;
      const handler = `${code(`${after.discriminator}: ${old.handler}`)} in ${code(schema)}`;
      const change = `now needs ${describeAlternatives(current.alternatives)} (before: ${describeAlternatives(old.alternatives)})`;
      if (!ruleStillMet(old.alternatives, current.alternatives)) {
        this.add('breaking', 'handler-newly-requires-field', subject, `${handler} ${change}`);
      } else if (!ruleStillMet(current.alternatives, old.alternatives)) {
        this.add('info', 'relaxed', subject, `${handler} ${change}`);
      }
    }
    const beforeHandlers = new Set(before.rules.map((r) => r.handler));
    for (const rule of after.rules) {
      if (beforeHandlers.has(rule.handler)) continue;
      this.add('info', 'added', `${schema} ${after.discriminator}=${rule.handler}`, `${code(`${after.discriminator}: ${rule.handler}`)} was added; it needs ${describeAlternatives(rule.alternatives)}`);
    }
  }
}

/** Every change from `before` to `after`, breaking ones first, each group in spec order. */
export function compareModels(before: ApiModel, after: ApiModel): SpecChange[] {
  const changes = new Comparison(before, after).run();
  return [...changes.filter((c) => c.severity === 'breaking'), ...changes.filter((c) => c.severity === 'info')];
}

/** `compareModels` on two bundled OpenAPI documents. */
export function compareSpecs(before: unknown, after: unknown): SpecChange[] {
  return compareModels(readModel(before), readModel(after));
}
