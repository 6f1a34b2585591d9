/**
 * Bodies built from the model (the IR), not written by hand: a minimal valid value for every
 * schema and type, and the broken variants the differential matrix feeds to both validators.
 * Because everything here is derived from `readModel(generated/openapi.json)`, a new field,
 * handler or enum value in the spec is covered without touching the tests.
 */
import type { ApiModel, FieldModel, ObjectModel, TypeModel } from '../../../scripts/model/types.ts';
import { objectSchema } from '../../../scripts/model/read-model.ts';

export const SAMPLE_URI = 'https://example.org/hook';
export const SAMPLE_UUID = '0f5a7c4e-2b8d-4f61-9c3a-7e2d1b6a5f90';

/** Strings tried, in order, for a field with a `pattern`. */
const PATTERN_CANDIDATES = ['alice', 'a', 'A1', 'x-y_z'];

type Json = Record<string, unknown>;

export const SAMPLE_DATE_TIME = '2024-05-01T12:00:00Z';
export const SAMPLE_EMAIL = 'someone@example.org';

/** A number that keeps every bound of `type` (and its `multipleOf`). */
function numberSample(type: Extract<TypeModel, { kind: 'integer' | 'number' }>): number {
  const low = type.minimum ?? type.exclusiveMinimum;
  const high = type.maximum ?? type.exclusiveMaximum;
  let value = low !== undefined && high !== undefined ? (low + high) / 2 : low !== undefined ? low + 1 : high !== undefined ? high - 1 : 1;
  if (type.kind === 'integer') value = Math.ceil(value);
  if (type.multipleOf !== undefined) value = Math.ceil(value / type.multipleOf) * type.multipleOf;
  return value;
}

/** Only the required fields of an object shape, each with a valid sample. */
function minimalOfShape(model: ApiModel, fields: readonly FieldModel[]): Json {
  const body: Json = {};
  for (const field of fields.filter((f) => f.required)) body[field.name] = validSample(model, field.type);
  return body;
}

export function validSample(model: ApiModel, type: TypeModel): unknown {
  switch (type.kind) {
    case 'string': {
      if (type.enum) return type.enum.values[0];
      if (type.format === 'uri') return SAMPLE_URI;
      if (type.format === 'uuid') return SAMPLE_UUID;
      if (type.format === 'date-time') return SAMPLE_DATE_TIME;
      if (type.format === 'email') return SAMPLE_EMAIL;
      if (type.pattern !== undefined) {
        const re = new RegExp(type.pattern, 'u');
        const found = PATTERN_CANDIDATES.find((c) => re.test(c));
        if (found === undefined) throw new Error(`no sample string matches ${type.pattern}; add one to PATTERN_CANDIDATES`);
        return found;
      }
      return 'text'.padEnd(type.minLength ?? 0, 'x').slice(0, type.maxLength ?? Infinity);
    }
    case 'integer':
    case 'number':
      return numberSample(type);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'const':
      return type.value;
    case 'array':
      return Array.from({ length: type.minItems ?? 0 }, () => validSample(model, type.items));
    case 'object':
      return minimalOfShape(model, type.fields);
    case 'object-ref':
      return minimalValid(model, objectSchema(model, type.name));
    case 'union':
      return validSample(model, type.members[0]!);
  }
}

/** Only the required fields, each with a valid sample. */
export function minimalValid(model: ApiModel, schema: ObjectModel): Json {
  return minimalOfShape(model, schema.fields);
}

/** Whether `value` is of the JSON type of `type`, ignoring its other rules. */
function ofType(type: TypeModel, value: unknown): boolean {
  switch (type.kind) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'const':
      return value === type.value;
    case 'array':
      return Array.isArray(value);
    case 'object':
    case 'object-ref':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'union':
      return type.members.some((m) => ofType(m, value));
  }
}

/** A value of the wrong JSON type for `type` (never null), or undefined when every candidate fits. */
export function wrongTypeSample(type: TypeModel): unknown {
  return [12345, 'twelve', true, ['not an object'], { not: 'an array' }, 1.5].find((candidate) => !ofType(type, candidate));
}

export interface BrokenCase {
  title: string;
  body: unknown;
  /** The issue code our validator must report (and Ajv must reject the body). */
  code: string;
}

export interface ValidCase {
  title: string;
  body: unknown;
}

/** A value that breaks a type's own rule (enum, format, pattern, length, bound), if it has one. */
function ruleBreakers(type: TypeModel): { value: unknown; code: string; what: string }[] {
  if (type.kind === 'array') {
    const out = type.maxItems === 0 ? [] : ruleBreakers(type.items).map((b) => ({ ...b, value: [b.value], what: `item ${b.what}` }));
    if (type.minItems !== undefined && type.minItems > 0) out.push({ value: [], code: 'too_small', what: 'minItems' });
    return out;
  }
  const out: { value: unknown; code: string; what: string }[] = [];
  if (type.kind === 'integer' || type.kind === 'number') {
    if (type.minimum !== undefined) out.push({ value: type.minimum - 1, code: 'too_small', what: 'minimum' });
    if (type.exclusiveMinimum !== undefined) out.push({ value: type.exclusiveMinimum, code: 'too_small', what: 'exclusiveMinimum' });
    if (type.maximum !== undefined) out.push({ value: type.maximum + 1, code: 'too_big', what: 'maximum' });
    if (type.exclusiveMaximum !== undefined) out.push({ value: type.exclusiveMaximum, code: 'too_big', what: 'exclusiveMaximum' });
    if (type.multipleOf !== undefined && type.multipleOf > 0) {
      const value = numberSample(type) + type.multipleOf / 2;
      if (Number.isInteger(value) || type.kind === 'number') out.push({ value, code: 'not_multiple', what: 'multipleOf' });
    }
    if (type.kind === 'integer') out.push({ value: numberSample(type) + 0.5, code: 'invalid_type', what: 'fraction' });
    return out;
  }
  if (type.kind === 'const') return [{ value: typeof type.value === 'string' ? `${type.value}!` : 'other', code: typeof type.value === 'string' ? 'invalid_enum' : 'invalid_enum', what: 'const' }];
  if (type.kind !== 'string') return [];
  if (type.enum && !type.enum.open) out.push({ value: 'NOT_A_KNOWN_VALUE', code: 'invalid_enum', what: 'enum' });
  if (type.format === 'uri') out.push({ value: 'not a uri', code: 'invalid_format', what: 'uri' }, { value: 'example.org/no-scheme', code: 'invalid_format', what: 'uri' });
  if (type.format === 'uuid') out.push({ value: 'not-a-uuid', code: 'invalid_format', what: 'uuid' }, { value: `${SAMPLE_UUID}0`, code: 'invalid_format', what: 'uuid' });
  if (type.format === 'date-time') out.push({ value: '2024-02-30T12:00:00Z', code: 'invalid_format', what: 'date-time' }, { value: '2024-05-01T12:00:00', code: 'invalid_format', what: 'date-time' });
  if (type.format === 'email') out.push({ value: 'not an address', code: 'invalid_format', what: 'email' });
  if (type.pattern !== undefined) out.push({ value: 'has space', code: 'pattern', what: 'pattern' }, { value: 'at@sign', code: 'pattern', what: 'pattern' });
  if (type.minLength !== undefined && type.minLength > 0) out.push({ value: 'x'.repeat(type.minLength - 1), code: 'too_small', what: 'minLength' });
  if (type.maxLength !== undefined) out.push({ value: '😀'.repeat(type.maxLength + 1), code: 'too_big', what: 'maxLength' });
  return out.filter((b) => !(type.pattern !== undefined && b.code !== 'pattern' && !new RegExp(type.pattern, 'u').test(String(b.value))));
}

function fieldsOfAlternatives(alternatives: readonly (readonly string[])[]): string[] {
  return [...new Set(alternatives.flat())];
}

/** The differential matrix: per handler (or once, without rules) valid and broken bodies. */
export function matrix(model: ApiModel, schema: ObjectModel): { valid: ValidCase[]; broken: BrokenCase[] } {
  const valid: ValidCase[] = [];
  const broken: BrokenCase[] = [];
  const fieldByName = new Map(schema.fields.map((f) => [f.name, f] as const));
  const sample = (name: string) => validSample(model, fieldByName.get(name)!.type);
  const bases: { label: string; body: Json; requiredHere: string[] }[] = [];
  const minimal = minimalValid(model, schema);
  const rules = schema.handlerRules[0];

  if (!rules) {
    bases.push({ label: 'minimal', body: minimal, requiredHere: [] });
  } else {
    bases.push({ label: `no ${rules.discriminator}`, body: minimal, requiredHere: [] });
    for (const rule of rules.rules) {
      const withHandler = { ...minimal, [rules.discriminator]: rule.handler };
      const first = rule.alternatives[0] ?? [];
      const body = { ...withHandler, ...Object.fromEntries(first.map((f) => [f, sample(f)])) };
      bases.push({ label: `${rules.discriminator}=${rule.handler}`, body, requiredHere: [...first] });
      // Every alternative on its own is enough.
      rule.alternatives.forEach((alt, i) => {
        valid.push({ title: `${rule.handler}: alternative ${i} (${alt.join(', ')})`, body: { ...withHandler, ...Object.fromEntries(alt.map((f) => [f, sample(f)])) } });
      });
      // Without any field of any alternative, the rule fails.
      if (rule.alternatives.length > 0) {
        broken.push({ title: `${rule.handler}: without ${fieldsOfAlternatives(rule.alternatives).join(' / ')}`, body: withHandler, code: 'required_for_handler' });
        const undefinedValued = { ...withHandler, ...Object.fromEntries(fieldsOfAlternatives(rule.alternatives).map((f) => [f, undefined])) };
        broken.push({ title: `${rule.handler}: its field present but undefined`, body: undefinedValued, code: 'required_for_handler' });
      }
      // A field that only another handler needs is accepted (the API ignores it).
      const foreign = rules.rules.flatMap((r) => (r.handler === rule.handler ? [] : fieldsOfAlternatives(r.alternatives))).find((f) => !first.includes(f));
      if (foreign) valid.push({ title: `${rule.handler}: plus ${foreign}, a field of another handler`, body: { ...body, [foreign]: sample(foreign) } });
    }
  }

  for (const { label, body, requiredHere } of bases) {
    valid.push({ title: `${label}: minimal valid`, body });
    for (const field of schema.fields) {
      if (field.required) {
        const { [field.name]: _dropped, ...without } = body;
        broken.push({ title: `${label}: without required ${field.name}`, body: without, code: 'required' });
      }
      if (requiredHere.includes(field.name) && !field.required && rules) {
        const { [field.name]: _dropped, ...without } = body;
        broken.push({ title: `${label}: without ${field.name}`, body: without, code: 'required_for_handler' });
      }
    }
  }

  // Per field, on the minimal body: each rule broken, wrong type, null, undefined.
  const base = bases[0]!.body;
  for (const field of schema.fields) {
    if (rules && field.name === rules.discriminator) {
      broken.push({ title: `${field.name}: unknown handler`, body: { ...base, [field.name]: 'carrier_pigeon' }, code: 'invalid_enum' });
    }
    for (const breaker of ruleBreakers(field.type)) {
      broken.push({ title: `${field.name}: broken ${breaker.what} (${JSON.stringify(breaker.value)})`, body: { ...base, [field.name]: breaker.value }, code: breaker.code });
    }
    const wrong = wrongTypeSample(field.type);
    if (wrong !== undefined) broken.push({ title: `${field.name}: wrong type`, body: { ...base, [field.name]: wrong }, code: field.type.kind === 'const' ? 'invalid_enum' : 'invalid_type' });
    if (field.type.nullable) valid.push({ title: `${field.name}: null`, body: { ...base, [field.name]: null } });
    else broken.push({ title: `${field.name}: null`, body: { ...base, [field.name]: null }, code: field.type.kind === 'const' ? 'invalid_enum' : 'invalid_type' });
    if (!field.required) valid.push({ title: `${field.name}: undefined counts as absent`, body: { ...base, [field.name]: undefined } });
    const openEnum = openEnumOf(field.type);
    if (openEnum) valid.push({ title: `${field.name}: a value a newer server added`, body: { ...base, [field.name]: field.type.kind === 'array' ? ['FUTURE_VALUE'] : 'FUTURE_VALUE' } });
    // A discriminator's sample would choose a handler whose rule the base body does not meet.
    if (field.type.kind !== 'object-ref' && !schema.handlerRules.some((r) => r.discriminator === field.name)) valid.push({ title: `${field.name}: valid sample`, body: { ...base, [field.name]: validSample(model, field.type) } });
  }

  // Unknown properties: rejected by strict (request) schemas, accepted by lenient ones.
  const unknownBodies: [string, Json][] = [
    ['a misspelt field', { ...base, [misspell(schema.fields[0]!)]: 'x' }],
    ['an unrelated field', { ...base, totally_unknown: 1 }],
    ['an unknown key whose value is undefined', { ...base, totally_unknown: undefined }],
    ['a __proto__ own key', { ...base, ...JSON.parse('{"__proto__": {"polluted": true}}') }],
    ['a constructor key', { ...base, constructor: 'x' }],
  ];
  for (const [what, body] of unknownBodies) {
    if (schema.unknownProperties === 'reject') broken.push({ title: `with ${what}`, body, code: 'unknown_property' });
    else valid.push({ title: `with ${what}`, body });
  }

  // Nested schemas: every case of the referenced schema's matrix, placed in this one.
  for (const field of schema.fields) {
    const ref = field.type.kind === 'object-ref' ? field.type : field.type.kind === 'array' && field.type.items.kind === 'object-ref' ? field.type.items : undefined;
    if (!ref) continue;
    const inArray = field.type.kind === 'array';
    const nested = matrix(model, objectSchema(model, ref.name));
    const place = (value: unknown) => ({ ...base, [field.name]: inArray ? [validSample(model, ref), value] : value });
    for (const c of nested.valid) valid.push({ title: `${field.name} > ${c.title}`, body: place(c.body) });
    for (const c of nested.broken) {
      // An undefined object is an absent field here, not a wrong type: the plain matrix covers it.
      if (c.body === undefined && !inArray) continue;
      broken.push({ title: `${field.name} > ${c.title}`, body: place(c.body), code: c.code });
    }
  }

  for (const notObject of [null, undefined, 0, 'body', [], [base], true]) {
    broken.push({ title: `not an object: ${Array.isArray(notObject) ? 'array' : String(notObject)}`, body: notObject, code: 'invalid_type' });
  }
  return { valid, broken };
}

function openEnumOf(type: TypeModel): boolean {
  if (type.kind === 'array') return openEnumOf(type.items);
  return type.kind === 'string' && type.enum?.open === true;
}

/** The field's name with one letter doubled: `username` → `usernamee`. */
function misspell(field: FieldModel): string {
  return `${field.name}${field.name.at(-1)}`;
}
