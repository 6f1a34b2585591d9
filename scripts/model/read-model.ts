/**
 * Reads the bundled spec (`generated/openapi.json`) into the model. Pure: JSON in, model out.
 *
 * The spec may use only the schema shapes listed in `types.ts`; anything else throws a
 * `ModelError` naming the JSON pointer of the shape, so a new construct in the spec is met
 * by a clear message instead of silently wrong generated code.
 */
import type {
  ApiModel,
  EnumModel,
  FieldModel,
  HandlerRule,
  HandlerRulesModel,
  ObjectModel,
  ObjectShape,
  OperationModel,
  ParameterModel,
  ResponseModel,
  SchemaModel,
  SpecPointer,
  StringFormat,
  StringType,
  TypeModel,
} from './types.ts';

type Json = Record<string, any>;

export class ModelError extends Error {
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(`${pointer}: ${message}`);
    this.name = 'ModelError';
  }
}

/** The pointer prefix of a named schema: `#/components/schemas/` + its name. */
export const SCHEMA_PREFIX = '#/components/schemas/';
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const FORMATS: readonly StringFormat[] = ['uri', 'uuid', 'date-time', 'email'];
/** Formats of numbers that only document a size (`int32`, `double`): no checker needed. */
const NUMBER_FORMATS = ['int32', 'int64', 'float', 'double'];
/** Keywords that only document; every reader may ignore them. */
const ANNOTATIONS = new Set(['title', 'description', 'examples', 'example', 'default', 'deprecated', 'readOnly', 'writeOnly']);
/** The extension that gives a pattern its message in plain words. */
export const PATTERN_MESSAGE = 'x-pattern-message';

/** The keywords each JSON type may carry here (besides annotations and `x-` extensions). */
const KEYWORDS_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  string: ['format', 'pattern', 'minLength', 'maxLength', 'enum', 'const'],
  integer: ['format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'const'],
  number: ['format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'const'],
  boolean: ['const'],
  null: [],
  array: ['items', 'minItems', 'maxItems'],
  object: ['properties', 'required', 'additionalProperties', 'unevaluatedProperties'],
};

/** The schema a pointer names (`#/components/schemas/X` → `X`); undefined for any other pointer. */
export function schemaNameAt(pointer: string): string | undefined {
  const name = pointer.startsWith(SCHEMA_PREFIX) ? pointer.slice(SCHEMA_PREFIX.length) : '';
  return name === '' || name.includes('/') ? undefined : name;
}

/** Appends reference tokens to a pointer, escaping `~` and `/` as RFC 6901 requires. */
export function childPointer(pointer: SpecPointer, ...tokens: (string | number)[]): SpecPointer {
  const escaped = tokens.map((t) => String(t).replace(/~/g, '~0').replace(/\//g, '~1'));
  return `${pointer}/${escaped.join('/')}` as SpecPointer;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object a local `#/…` pointer names in the spec (stepping through arrays by index too), or undefined when it names none. */
export function nodeAtPointer(spec: Json, pointer: string): Json | undefined {
  let node: unknown = spec;
  for (const raw of pointer.slice(2).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = typeof node === 'object' && node !== null && Object.hasOwn(node, token) ? (node as Record<string, unknown>)[token] : undefined;
  }
  return isObject(node) ? node : undefined;
}

function resolvePointer(spec: Json, ref: string): Json {
  if (!ref.startsWith('#/')) throw new ModelError(ref, 'only local references are supported in the bundled spec');
  const node = nodeAtPointer(spec, ref);
  if (node === undefined) throw new ModelError(ref, 'reference does not resolve');
  return node;
}

function schemaNameOf(ref: string, pointer: string): string {
  if (!ref.startsWith(SCHEMA_PREFIX)) throw new ModelError(pointer, `expected a reference to a named schema, got ${ref}`);
  return ref.slice(SCHEMA_PREFIX.length);
}

function assertKnownKeywords(node: Json, allowed: readonly string[], pointer: string): void {
  for (const key of Object.keys(node)) {
    if (!ANNOTATIONS.has(key) && !allowed.includes(key) && !key.startsWith('x-')) {
      throw new ModelError(pointer, `keyword "${key}" is not supported by the generators here`);
    }
  }
}

/** Refuses `x-` extensions the generators would silently ignore where they have a meaning. */
function assertPatternMessage(node: Json, pointer: SpecPointer): string | undefined {
  const message = node[PATTERN_MESSAGE];
  if (message === undefined) return undefined;
  if (typeof message !== 'string' || message.trim() === '') throw new ModelError(childPointer(pointer, PATTERN_MESSAGE), 'must be a non-empty string');
  if (typeof node.pattern !== 'string') throw new ModelError(childPointer(pointer, PATTERN_MESSAGE), 'describes a "pattern", which this schema lacks');
  return message.trim();
}

/** A string enum component: `{type: string, enum: [...]}`. */
function isEnumSchema(node: Json): boolean {
  return node.type === 'string' && Array.isArray(node.enum);
}

function nonNegativeInteger(node: Json, keyword: string, pointer: SpecPointer): number | undefined {
  const value = node[keyword];
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || value < 0) throw new ModelError(childPointer(pointer, keyword), `"${keyword}" must be a non-negative integer`);
  return value;
}

function finiteNumber(node: Json, keyword: string, pointer: SpecPointer): number | undefined {
  const value = node[keyword];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ModelError(childPointer(pointer, keyword), `"${keyword}" must be a number (JSON Schema 2020-12 writes exclusive bounds as numbers)`);
  }
  return value;
}

/** The JSON types a schema names: `type: T`, `type: [T, ...]`, or inferred from `enum`/`const`. */
function typesOf(node: Json, pointer: SpecPointer): string[] {
  const { type } = node;
  if (typeof type === 'string') return [type];
  if (Array.isArray(type) && type.length > 0 && type.every((t) => typeof t === 'string') && new Set(type).size === type.length) return [...type];
  if (type === undefined) {
    if (Array.isArray(node.enum) && node.enum.every((v: unknown) => typeof v === 'string' || v === null)) {
      return node.enum.includes(null) ? ['string', 'null'] : ['string'];
    }
    const keyword = Object.keys(node).find((key) => !ANNOTATIONS.has(key) && !key.startsWith('x-'));
    throw new ModelError(pointer, keyword ? `keyword "${keyword}" is not supported by the generators here` : 'a schema needs a "type"');
  }
  throw new ModelError(pointer, `unsupported "type": ${JSON.stringify(type)}`);
}

function pick(node: Json, keys: readonly string[]): Json {
  const out: Json = {};
  for (const key of Object.keys(node)) if (keys.includes(key) || ANNOTATIONS.has(key) || key.startsWith('x-')) out[key] = node[key];
  return out;
}

/** A type with `nullable` set, without copying what is already right. */
function withNullable(type: TypeModel, nullable: boolean): TypeModel {
  return nullable && !type.nullable ? { ...type, nullable: true } : type;
}

/** `application/json`, and structured-syntax JSON types such as `application/problem+json`. */
const JSON_MEDIA_TYPE = /^application\/(?:[\w.-]+\+)?json$/;

/**
 * The named schema of a JSON body (`content: {application/json: {schema: {$ref}}}`), or
 * undefined when there is no content. Other media types and inline schemas are refused: the
 * emitters name every body type and check only JSON.
 */
function jsonBodySchema(content: unknown, pointer: SpecPointer, what: 'request' | 'response'): string | undefined {
  if (content === undefined) return undefined;
  if (!isObject(content)) throw new ModelError(childPointer(pointer, 'content'), '"content" must be an object');
  const types = Object.keys(content);
  const other = types.find((type) => !JSON_MEDIA_TYPE.test(type));
  if (other !== undefined) throw new ModelError(childPointer(pointer, 'content', other), `only JSON ${what} bodies are supported (application/json or application/…+json)`);
  const names = types.map((type) => {
    const at = childPointer(pointer, 'content', type, 'schema');
    const ref = content[type]?.schema?.$ref;
    if (typeof ref !== 'string') throw new ModelError(at, `a ${what} body's schema must be a $ref to a named schema (components/schemas), so that its type has a name`);
    return schemaNameOf(ref, at);
  });
  if (new Set(names).size > 1) throw new ModelError(childPointer(pointer, 'content'), `the JSON media types of one ${what} body must share one schema`);
  return names[0];
}

class Reader {
  /** Named objects already read: every reference to one gets the same model (and the same rules). */
  private readonly objects = new Map<string, ObjectModel>();
  /** Named objects being read, to refuse an `allOf` cycle instead of recursing forever. */
  private readonly reading = new Set<string>();

  constructor(private readonly spec: Json) {}

  type(node: Json, pointer: SpecPointer): TypeModel {
    if (!isObject(node)) throw new ModelError(pointer, 'expected a schema object');
    if (typeof node.$ref === 'string') {
      assertKnownKeywords(node, ['$ref'], pointer);
      return this.refType(node.$ref, pointer, false);
    }
    if (Array.isArray(node.anyOf)) return this.anyOfType(node, pointer);
    if ('const' in node && node.type === undefined) return this.constType(node, pointer, false);
    const types = typesOf(node, pointer);
    const nullable = types.includes('null');
    const others = types.filter((t) => t !== 'null');
    if (others.length === 0) {
      assertKnownKeywords(node, ['type'], pointer);
      return { kind: 'null', nullable: true, pointer };
    }
    if (others.length === 1) return this.singleType(others[0]!, node, pointer, nullable);
    // A type array: each member keeps the keywords of its own type.
    assertKnownKeywords(node, ['type', ...others.flatMap((t) => KEYWORDS_BY_TYPE[t] ?? [])], pointer);
    if ('enum' in node || 'const' in node) throw new ModelError(pointer, '"enum" and "const" need a single type besides "null"');
    const members = others.map((t) => this.singleType(t, { ...pick(node, KEYWORDS_BY_TYPE[t] ?? []), type: t }, pointer, false));
    return { kind: 'union', nullable, pointer, members };
  }

  private singleType(type: string, node: Json, pointer: SpecPointer, nullable: boolean): TypeModel {
    const keywords = KEYWORDS_BY_TYPE[type];
    if (!keywords) throw new ModelError(pointer, `type "${type}" is not supported here`);
    assertKnownKeywords(node, ['type', ...keywords], pointer);
    if ('const' in node) return this.constType(node, pointer, nullable, type);
    switch (type) {
      case 'string':
        return this.stringType(node, pointer, nullable);
      case 'integer':
      case 'number': {
        if (node.format !== undefined && !NUMBER_FORMATS.includes(node.format)) {
          throw new ModelError(childPointer(pointer, 'format'), `format "${node.format}" is not a number format (known: ${NUMBER_FORMATS.join(', ')})`);
        }
        const multipleOf = finiteNumber(node, 'multipleOf', pointer);
        if (multipleOf !== undefined && multipleOf <= 0) throw new ModelError(childPointer(pointer, 'multipleOf'), '"multipleOf" must be greater than 0');
        const bounds = {
          minimum: finiteNumber(node, 'minimum', pointer),
          maximum: finiteNumber(node, 'maximum', pointer),
          exclusiveMinimum: finiteNumber(node, 'exclusiveMinimum', pointer),
          exclusiveMaximum: finiteNumber(node, 'exclusiveMaximum', pointer),
          multipleOf,
        };
        const defined = Object.fromEntries(Object.entries(bounds).filter(([, v]) => v !== undefined));
        return { kind: type, nullable, pointer, ...defined };
      }
      case 'boolean':
        return { kind: 'boolean', nullable, pointer };
      case 'array': {
        if (!isObject(node.items)) throw new ModelError(pointer, 'an array needs "items"');
        const minItems = nonNegativeInteger(node, 'minItems', pointer);
        const maxItems = nonNegativeInteger(node, 'maxItems', pointer);
        return {
          kind: 'array',
          nullable,
          pointer,
          items: this.type(node.items, childPointer(pointer, 'items')),
          ...(minItems !== undefined && { minItems }),
          ...(maxItems !== undefined && { maxItems }),
        };
      }
      case 'object':
        return { kind: 'object', nullable, pointer, ...this.objectShape(node, pointer, []) };
      default:
        throw new ModelError(pointer, `type "${type}" is not supported here`);
    }
  }

  private stringType(node: Json, pointer: SpecPointer, nullable: boolean): StringType {
    if (node.format !== undefined && !FORMATS.includes(node.format)) {
      throw new ModelError(pointer, `format "${node.format}" has no checker (known: ${FORMATS.join(', ')})`);
    }
    if (node.pattern !== undefined) {
      if (typeof node.pattern !== 'string') throw new ModelError(childPointer(pointer, 'pattern'), '"pattern" must be a string');
      try {
        new RegExp(node.pattern, 'u');
      } catch {
        throw new ModelError(childPointer(pointer, 'pattern'), `"${node.pattern}" is not an ECMAScript regular expression`);
      }
    }
    const patternMessage = assertPatternMessage(node, pointer);
    const minLength = nonNegativeInteger(node, 'minLength', pointer);
    const maxLength = nonNegativeInteger(node, 'maxLength', pointer);
    let values: string[] | undefined;
    if (node.enum !== undefined) {
      if (nullable && Array.isArray(node.enum) && !node.enum.includes(null)) {
        throw new ModelError(childPointer(pointer, 'enum'), 'the type allows null but the enum does not list it; list null or drop it from "type"');
      }
      const listed = Array.isArray(node.enum) ? node.enum.filter((v: unknown) => !(nullable && v === null)) : [];
      if (listed.length === 0 || !listed.every((v: unknown) => typeof v === 'string') || new Set(listed).size !== listed.length) {
        throw new ModelError(childPointer(pointer, 'enum'), 'an enum must list distinct strings (and null, when the type allows it)');
      }
      values = listed;
    }
    return {
      kind: 'string',
      nullable,
      pointer,
      ...(node.format !== undefined && { format: node.format as StringFormat }),
      ...(node.pattern !== undefined && { pattern: String(node.pattern) }),
      ...(patternMessage !== undefined && { patternMessage }),
      ...(minLength !== undefined && { minLength }),
      ...(maxLength !== undefined && { maxLength }),
      ...(values && { enum: { values, open: false, pointer: childPointer(pointer, 'enum') } }),
    };
  }

  private constType(node: Json, pointer: SpecPointer, nullable: boolean, type?: string): TypeModel {
    if (type === undefined) assertKnownKeywords(node, ['const'], pointer);
    const value: unknown = node.const;
    const jsonType = value === null ? 'null' : Number.isInteger(value) ? 'integer' : typeof value;
    if (!['string', 'integer', 'number', 'boolean', 'null'].includes(jsonType)) {
      throw new ModelError(childPointer(pointer, 'const'), 'a const must be a string, number, boolean or null');
    }
    if (type !== undefined && type !== jsonType && !(type === 'number' && jsonType === 'integer')) {
      throw new ModelError(childPointer(pointer, 'const'), `the const ${JSON.stringify(value)} is not of type "${type}"`);
    }
    return { kind: 'const', nullable: nullable || value === null, pointer, value: value as string | number | boolean | null };
  }

  private refType(ref: string, pointer: SpecPointer, nullable: boolean): TypeModel {
    const name = schemaNameOf(ref, pointer);
    const target = resolvePointer(this.spec, ref);
    if (isEnumSchema(target)) {
      return { kind: 'string', nullable, pointer, enum: { name, values: target.enum, open: false, pointer: `${ref}/enum` as SpecPointer } };
    }
    if (target.type === 'object') return { kind: 'object-ref', nullable, pointer, name };
    throw new ModelError(pointer, `${ref} is neither a string enum nor an object`);
  }

  /**
   * `anyOf`: `{type: "null"}` branches make the rest nullable; one string enum (named or
   * inline) beside a plain `{type: string}` is an open enum (responses use it so that values
   * added by a newer server still validate); one branch left is that branch; anything else is
   * a union of the branches.
   */
  private anyOfType(node: Json, pointer: SpecPointer): TypeModel {
    assertKnownKeywords(node, ['anyOf'], pointer);
    if (node.anyOf.length === 0) throw new ModelError(pointer, 'anyOf needs at least one branch');
    let nullable = false;
    const members: TypeModel[] = [];
    node.anyOf.forEach((branch: Json, i: number) => {
      const type = this.type(branch, childPointer(pointer, 'anyOf', i));
      if (type.kind === 'null') nullable = true;
      else if (type.kind === 'union') {
        nullable ||= type.nullable;
        members.push(...type.members);
      } else {
        nullable ||= type.nullable;
        members.push(type.nullable ? { ...type, nullable: false } : type);
      }
    });
    if (members.length === 0) return { kind: 'null', nullable: true, pointer };
    const enums = members.filter((m): m is StringType => m.kind === 'string' && m.enum !== undefined);
    const plainStrings = members.filter((m) => m.kind === 'string' && !m.enum && !m.format && !m.pattern && m.minLength === undefined && m.maxLength === undefined);
    if (members.length === 2 && enums.length === 1 && plainStrings.length === 1) {
      const known = enums[0]!;
      return { ...known, nullable, pointer, enum: { ...known.enum!, open: true } };
    }
    if (members.length === 1) return withNullable({ ...members[0]!, pointer }, nullable);
    return { kind: 'union', nullable, pointer, members };
  }

  /** The fields and unknown-property policy of an object node (named or inline). */
  private objectShape(node: Json, pointer: SpecPointer, inherited: readonly FieldModel[]): ObjectShape & { fields: FieldModel[] } {
    const fields: FieldModel[] = [...inherited];
    const required = new Set<string>(Array.isArray(node.required) ? node.required : []);
    if (node.properties !== undefined && !isObject(node.properties)) throw new ModelError(childPointer(pointer, 'properties'), '"properties" must be an object');
    for (const [fieldName, fieldNode] of Object.entries<Json>(node.properties ?? {})) {
      const fieldPointer = childPointer(pointer, 'properties', fieldName);
      if (!isObject(fieldNode)) throw new ModelError(fieldPointer, 'expected a schema object');
      if (fields.some((f) => f.name === fieldName)) throw new ModelError(fieldPointer, `"${fieldName}" is already defined by an allOf member; define each property once`);
      fields.push({
        name: fieldName,
        description: String(fieldNode.description ?? ''),
        type: this.type(fieldNode, fieldPointer),
        required: false,
        ...(fieldNode.default !== undefined && { default: fieldNode.default }),
        ...(fieldNode.readOnly === true && { readOnly: true }),
        ...(fieldNode.writeOnly === true && { writeOnly: true }),
        pointer: fieldPointer,
      });
    }
    for (const name of required) {
      const field = fields.find((f) => f.name === name);
      // A required name without a property is a lint error; the model only reads the properties.
      if (field) field.required = true;
    }
    const { additionalProperties: additional, unevaluatedProperties: unevaluated } = node;
    if (unevaluated !== undefined && unevaluated !== false) {
      throw new ModelError(childPointer(pointer, 'unevaluatedProperties'), 'only "unevaluatedProperties: false" is supported');
    }
    if (additional === false || unevaluated === false) {
      return {
        fields,
        unknownProperties: 'reject',
        unknownPropertiesPointer: childPointer(pointer, additional === false ? 'additionalProperties' : 'unevaluatedProperties'),
      };
    }
    if (isObject(additional)) {
      const at = childPointer(pointer, 'additionalProperties');
      return { fields, unknownProperties: 'map', unknownPropertiesPointer: at, mapValue: this.type(additional, at) };
    }
    if (additional !== undefined && additional !== true) throw new ModelError(childPointer(pointer, 'additionalProperties'), 'must be a boolean or a schema');
    return { fields, unknownProperties: 'allow' };
  }

  object(name: string, node: Json, pointer: SpecPointer): ObjectModel {
    const known = this.objects.get(name);
    if (known) return known;
    if (this.reading.has(name)) throw new ModelError(pointer, `"${name}" includes itself through allOf`);
    this.reading.add(name);
    assertKnownKeywords(node, ['type', 'properties', 'required', 'allOf', 'additionalProperties', 'unevaluatedProperties'], pointer);
    const inheritedFields: FieldModel[] = [];
    const inheritedRequired = new Set<string>();
    const handlerRules: HandlerRulesModel[] = [];
    (node.allOf ?? []).forEach((member: Json, i: number) => {
      const memberPointer = childPointer(pointer, 'allOf', i);
      if (typeof member?.$ref === 'string') {
        const memberName = schemaNameOf(member.$ref, memberPointer);
        const inherited = this.object(memberName, resolvePointer(this.spec, member.$ref), `${SCHEMA_PREFIX}${memberName}` as SpecPointer);
        // Copies: `required` may differ between the including schema and the member.
        for (const field of inherited.fields) {
          if (inheritedFields.some((f) => f.name === field.name)) throw new ModelError(memberPointer, `"${field.name}" is defined by two allOf members; define each property once`);
          inheritedFields.push({ ...field });
          if (field.required) inheritedRequired.add(field.name);
        }
        for (const rules of inherited.handlerRules) {
          if (handlerRules.some((r) => r.discriminator === rules.discriminator)) {
            throw new ModelError(memberPointer, `two allOf members both have rules for "${rules.discriminator}"; state them once`);
          }
          handlerRules.push(rules);
        }
      } else if (!isObject(member) || !('if' in member)) {
        throw new ModelError(memberPointer, 'allOf members must be $refs to object schemas or handler rules (if/then)');
      }
    });
    const shape = this.objectShape(node, pointer, inheritedFields);
    for (const field of shape.fields) if (inheritedRequired.has(field.name)) field.required = true;
    for (const rules of this.handlerRules(node, pointer, shape.fields)) {
      if (handlerRules.some((r) => r.discriminator === rules.discriminator)) {
        throw new ModelError(pointer, `rules for "${rules.discriminator}" are stated both here and in an allOf member; state them once`);
      }
      handlerRules.push(rules);
    }
    if (shape.unknownProperties === 'map' && node.unevaluatedProperties !== undefined) {
      throw new ModelError(pointer, 'use either an additionalProperties schema or unevaluatedProperties, not both');
    }
    const model: ObjectModel = {
      kind: 'object',
      name,
      description: String(node.description ?? ''),
      ...shape,
      handlerRules,
      pointer,
    };
    this.reading.delete(name);
    this.objects.set(name, model);
    return model;
  }

  /**
   * The `allOf: [{if: {required: [P], properties: {P: {const: V}}}, then: ...}]` rules of a
   * schema, one entry per property P they switch on (the discriminators), in first-seen order.
   */
  private handlerRules(node: Json, pointer: SpecPointer, fields: readonly FieldModel[]): HandlerRulesModel[] {
    const byDiscriminator = new Map<string, HandlerRule[]>();
    (node.allOf ?? []).forEach((member: Json, i: number) => {
      if (!isObject(member) || !('if' in member)) return;
      const at = childPointer(pointer, 'allOf', i);
      assertKnownKeywords(member, ['if', 'then'], at);
      const pinned = Object.entries<Json>(member.if?.properties ?? {});
      if (pinned.length !== 1 || typeof pinned[0]![1]?.const !== 'string' || !member.if.required?.includes(pinned[0]![0])) {
        throw new ModelError(at, 'a handler rule\'s "if" must require one property and pin it with a string const');
      }
      const [property, { const: handler }] = pinned[0]!;
      const rules = byDiscriminator.get(property) ?? [];
      byDiscriminator.set(property, rules);
      rules.push({
        handler,
        description: String(member.description ?? ''),
        alternatives: this.alternatives(member.then, childPointer(at, 'then')),
        pointer: childPointer(at, 'then'),
      });
    });
    return [...byDiscriminator].map(([discriminator, rules]) => {
      const discriminatorType = fields.find((f) => f.name === discriminator)?.type;
      if (discriminatorType?.kind !== 'string' || !discriminatorType.enum || discriminatorType.enum.open) {
        throw new ModelError(pointer, `"${discriminator}" must be a property whose type is a (closed) string enum`);
      }
      const { values: handlers, name: enumName } = discriminatorType.enum;
      for (const rule of rules) {
        if (!handlers.includes(rule.handler)) throw new ModelError(rule.pointer, `"${rule.handler}" is not a value of "${discriminator}"`);
      }
      const ordered = handlers.map((handler) => {
        const matching = rules.filter((r) => r.handler === handler);
        if (matching.length !== 1) throw new ModelError(pointer, `"${handler}" must have exactly one handler rule, has ${matching.length}`);
        return matching[0]!;
      });
      return { discriminator, handlers, ...(enumName !== undefined && { enumName }), rules: ordered, pointer };
    });
  }

  private alternatives(then: Json | undefined, pointer: SpecPointer): string[][] {
    if (!isObject(then)) throw new ModelError(pointer, 'a handler rule needs a "then"');
    assertKnownKeywords(then, ['required', 'anyOf'], pointer);
    if (Array.isArray(then.anyOf)) {
      if (then.required !== undefined) throw new ModelError(pointer, 'a rule\'s "then" has either "required" or "anyOf" alternatives, not both');
      return then.anyOf.map((alt: Json, k: number) => {
        assertKnownKeywords(alt, ['required'], childPointer(pointer, 'anyOf', k));
        return [...(alt.required ?? [])];
      });
    }
    const required: string[] = then.required ?? [];
    return required.length === 0 ? [] : [[...required]];
  }

  enumSchema(name: string, node: Json, pointer: SpecPointer): EnumModel {
    assertKnownKeywords(node, ['type', 'enum'], pointer);
    return { kind: 'enum', name, description: String(node.description ?? ''), values: [...node.enum], pointer };
  }

  parameter(raw: Json, pointer: SpecPointer): ParameterModel {
    const node = typeof raw.$ref === 'string' ? resolvePointer(this.spec, raw.$ref) : raw;
    const at = typeof raw.$ref === 'string' ? (raw.$ref as SpecPointer) : pointer;
    if (node.in !== 'path' && node.in !== 'query') throw new ModelError(at, `parameters "in: ${node.in}" are not supported`);
    return {
      name: node.name,
      in: node.in,
      required: node.required === true,
      description: String(node.description ?? ''),
      type: this.type(node.schema, childPointer(at, 'schema')),
      ...(node.schema?.default !== undefined && { default: node.schema.default }),
      pointer: at,
    };
  }

  response(status: string, raw: Json, pointer: SpecPointer): ResponseModel {
    const node = typeof raw.$ref === 'string' ? resolvePointer(this.spec, raw.$ref) : raw;
    const at = typeof raw.$ref === 'string' ? (raw.$ref as SpecPointer) : pointer;
    const schema = jsonBodySchema(node.content, at, 'response');
    return { status, description: String(node.description ?? ''), ...(schema !== undefined && { schema }), pointer: at };
  }

  operations(): OperationModel[] {
    const operations: OperationModel[] = [];
    for (const [path, item] of Object.entries<Json>(this.spec.paths ?? {})) {
      const itemPointer = childPointer('#/paths' as SpecPointer, path);
      const shared = (item.parameters ?? []).map((p: Json, i: number) => this.parameter(p, childPointer(itemPointer, 'parameters', i)));
      for (const method of HTTP_METHODS) {
        const op: Json | undefined = item[method];
        if (!op) continue;
        const at = childPointer(itemPointer, method);
        const own = (op.parameters ?? []).map((p: Json, i: number) => this.parameter(p, childPointer(at, 'parameters', i)));
        if (typeof op.operationId !== 'string' || op.operationId === '') throw new ModelError(at, 'every operation needs an operationId');
        const requestBody: Json | undefined = typeof op.requestBody?.$ref === 'string' ? resolvePointer(this.spec, op.requestBody.$ref) : op.requestBody;
        const bodyAt = typeof op.requestBody?.$ref === 'string' ? (op.requestBody.$ref as SpecPointer) : childPointer(at, 'requestBody');
        const bodySchema = requestBody ? jsonBodySchema(requestBody.content, bodyAt, 'request') : undefined;
        if (requestBody && bodySchema === undefined) throw new ModelError(bodyAt, 'a request body needs an application/json schema');
        const responses = Object.entries<Json>(op.responses ?? {}).map(([status, r]) =>
          this.response(status, r, childPointer(at, 'responses', status)),
        );
        operations.push({
          operationId: String(op.operationId),
          method,
          path,
          summary: String(op.summary ?? ''),
          description: String(op.description ?? ''),
          tags: Array.isArray(op.tags) ? op.tags.map(String) : [],
          parameters: [...shared, ...own],
          ...(bodySchema !== undefined && { requestBody: { schema: bodySchema, required: requestBody?.required === true } }),
          successes: responses.filter((r) => r.status.startsWith('2')),
          errors: responses.filter((r) => /^[45]/.test(r.status)),
          pointer: at,
        });
      }
    }
    return operations;
  }

  schemas(): SchemaModel[] {
    return Object.entries<Json>(this.spec.components?.schemas ?? {}).map(([name, node]) => {
      const pointer = `${SCHEMA_PREFIX}${name}` as SpecPointer;
      if (isEnumSchema(node)) return this.enumSchema(name, node, pointer);
      if (node.type === 'object') return this.object(name, node, pointer);
      throw new ModelError(pointer, 'named schemas must be objects or string enums');
    });
  }
}

/** Reads the bundled OpenAPI document into the model shared by every emitter. */
export function readModel(spec: unknown): ApiModel {
  if (!isObject(spec) || typeof spec.openapi !== 'string' || !spec.openapi.startsWith('3.1')) {
    throw new ModelError('#', 'expected an OpenAPI 3.1 document');
  }
  const reader = new Reader(spec);
  const serverUrl = String(spec.servers?.[0]?.url ?? '');
  const basePath = serverUrl.replace(/^[a-z]+:\/\/[^/]+/i, '');
  return {
    title: String(spec.info?.title ?? ''),
    version: String(spec.info?.version ?? ''),
    serverUrl,
    basePath,
    operations: reader.operations(),
    schemas: reader.schemas(),
  };
}

/** The named object schema, or a ModelError when it is missing or not an object. */
export function objectSchema(model: ApiModel, name: string): ObjectModel {
  const schema = model.schemas.find((s) => s.name === name);
  if (schema?.kind !== 'object') throw new ModelError(`${SCHEMA_PREFIX}${name}`, 'no object schema of that name');
  return schema;
}
