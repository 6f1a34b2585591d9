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
  OperationModel,
  ParameterModel,
  ResponseModel,
  SchemaModel,
  SpecPointer,
  StringFormat,
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

const SCHEMA_PREFIX = '#/components/schemas/';
const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const FORMATS: readonly StringFormat[] = ['uri', 'uuid'];
/** Keywords that only document; every reader may ignore them. */
const ANNOTATIONS = new Set(['title', 'description', 'examples', 'example', 'default', 'deprecated']);

/** Appends reference tokens to a pointer, escaping `~` and `/` as RFC 6901 requires. */
export function childPointer(pointer: SpecPointer, ...tokens: (string | number)[]): SpecPointer {
  const escaped = tokens.map((t) => String(t).replace(/~/g, '~0').replace(/\//g, '~1'));
  return `${pointer}/${escaped.join('/')}` as SpecPointer;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolvePointer(spec: Json, ref: string): Json {
  if (!ref.startsWith('#/')) throw new ModelError(ref, 'only local references are supported in the bundled spec');
  let node: unknown = spec;
  for (const raw of ref.slice(2).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[token] : undefined;
  }
  if (!isObject(node)) throw new ModelError(ref, 'reference does not resolve');
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

/** A string enum component: `{type: string, enum: [...]}`. */
function isEnumSchema(node: Json): boolean {
  return node.type === 'string' && Array.isArray(node.enum);
}

/** `type: T` or `type: [T, "null"]` → [T, nullable]. */
function splitType(node: Json, pointer: string): [string, boolean] {
  const { type } = node;
  if (typeof type === 'string') return [type, false];
  if (Array.isArray(type) && type.length === 2 && type.includes('null')) {
    return [type.find((t) => t !== 'null') as string, true];
  }
  if (type === undefined) {
    const keyword = Object.keys(node).find((key) => !ANNOTATIONS.has(key) && !key.startsWith('x-'));
    throw new ModelError(pointer, keyword ? `keyword "${keyword}" is not supported by the generators here` : 'a schema needs a "type"');
  }
  throw new ModelError(pointer, `unsupported "type": ${JSON.stringify(type)}`);
}

class Reader {
  constructor(private readonly spec: Json) {}

  type(node: Json, pointer: SpecPointer): TypeModel {
    if (typeof node.$ref === 'string') return this.refType(node.$ref, pointer, false);
    if (Array.isArray(node.anyOf)) return this.anyOfType(node, pointer);
    const [type, nullable] = splitType(node, pointer);
    switch (type) {
      case 'string': {
        assertKnownKeywords(node, ['type', 'format', 'pattern'], pointer);
        if (node.format !== undefined && !FORMATS.includes(node.format)) {
          throw new ModelError(pointer, `format "${node.format}" has no checker (known: ${FORMATS.join(', ')})`);
        }
        return {
          kind: 'string',
          nullable,
          pointer,
          ...(node.format !== undefined && { format: node.format as StringFormat }),
          ...(node.pattern !== undefined && { pattern: String(node.pattern) }),
        };
      }
      case 'integer':
        assertKnownKeywords(node, ['type', 'format', 'minimum', 'maximum'], pointer);
        return {
          kind: 'integer',
          nullable,
          pointer,
          ...(node.minimum !== undefined && { minimum: node.minimum }),
          ...(node.maximum !== undefined && { maximum: node.maximum }),
        };
      case 'array':
        assertKnownKeywords(node, ['type', 'items', 'minItems'], pointer);
        if (!isObject(node.items)) throw new ModelError(pointer, 'an array needs "items"');
        return {
          kind: 'array',
          nullable,
          pointer,
          items: this.type(node.items, childPointer(pointer, 'items')),
          ...(node.minItems !== undefined && { minItems: node.minItems }),
        };
      default:
        throw new ModelError(pointer, `type "${type}" is not supported here; name object schemas as components`);
    }
  }

  private refType(ref: string, pointer: SpecPointer, nullable: boolean): TypeModel {
    const name = schemaNameOf(ref, pointer);
    const target = resolvePointer(this.spec, ref);
    if (isEnumSchema(target)) {
      return { kind: 'string', nullable, pointer, enum: { name, values: target.enum, open: false } };
    }
    if (target.type === 'object') return { kind: 'object-ref', nullable, pointer, name };
    throw new ModelError(pointer, `${ref} is neither a string enum nor an object`);
  }

  /**
   * The one `anyOf` shape allowed: an open enum, `anyOf: [{$ref: Enum}, {type: string}]`,
   * optionally with `{type: 'null'}`. Responses use it so that values added by a newer
   * server still validate.
   */
  private anyOfType(node: Json, pointer: SpecPointer): TypeModel {
    assertKnownKeywords(node, ['anyOf'], pointer);
    let enumRef: string | undefined;
    let anyString = false;
    let nullable = false;
    node.anyOf.forEach((branch: Json, i: number) => {
      const at = childPointer(pointer, 'anyOf', i);
      if (typeof branch.$ref === 'string' && isEnumSchema(resolvePointer(this.spec, branch.$ref)) && !enumRef) {
        enumRef = branch.$ref;
      } else if (branch.type === 'string' && Object.keys(branch).every((k) => k === 'type' || ANNOTATIONS.has(k))) {
        anyString = true;
      } else if (branch.type === 'null') {
        nullable = true;
      } else {
        throw new ModelError(at, 'anyOf supports only [{$ref: Enum}, {type: string}, {type: "null"}] (an open enum)');
      }
    });
    if (!enumRef || !anyString) throw new ModelError(pointer, 'anyOf must be an open enum: a $ref to an enum plus {type: string}');
    const named = this.refType(enumRef, pointer, nullable);
    if (named.kind !== 'string' || !named.enum) throw new ModelError(pointer, 'expected an enum');
    return { ...named, enum: { ...named.enum, open: true } };
  }

  object(name: string, node: Json, pointer: SpecPointer): ObjectModel {
    assertKnownKeywords(node, ['type', 'properties', 'required', 'allOf', 'additionalProperties', 'unevaluatedProperties'], pointer);
    const fields: FieldModel[] = [];
    const required = new Set<string>(Array.isArray(node.required) ? node.required : []);
    let handlerRules: HandlerRulesModel | undefined;

    const addFields = (owner: Json, ownerPointer: SpecPointer): void => {
      for (const [fieldName, fieldNode] of Object.entries<Json>(owner.properties ?? {})) {
        const fieldPointer = childPointer(ownerPointer, 'properties', fieldName);
        fields.push({
          name: fieldName,
          description: String(fieldNode.description ?? ''),
          type: this.type(fieldNode, fieldPointer),
          required: false,
          ...(fieldNode.default !== undefined && { default: fieldNode.default }),
          pointer: fieldPointer,
        });
      }
    };

    addFields(node, pointer);
    (node.allOf ?? []).forEach((member: Json, i: number) => {
      const memberPointer = childPointer(pointer, 'allOf', i);
      if (typeof member.$ref === 'string') {
        const memberName = schemaNameOf(member.$ref, memberPointer);
        const inherited = this.object(memberName, resolvePointer(this.spec, member.$ref), `${SCHEMA_PREFIX}${memberName}` as SpecPointer);
        fields.push(...inherited.fields);
        inherited.fields.filter((f) => f.required).forEach((f) => required.add(f.name));
        if (inherited.handlerRules) handlerRules = inherited.handlerRules;
      } else if (!('if' in member)) {
        throw new ModelError(memberPointer, 'allOf members must be $refs to object schemas or handler rules (if/then)');
      }
    });
    const ownRules = this.handlerRules(node, pointer, fields);
    if (ownRules) handlerRules = ownRules;

    for (const field of fields) field.required = required.has(field.name);
    const rejectsUnknown = node.additionalProperties === false || node.unevaluatedProperties === false;
    return {
      kind: 'object',
      name,
      description: String(node.description ?? ''),
      fields,
      unknownProperties: rejectsUnknown ? 'reject' : 'allow',
      ...(rejectsUnknown && {
        unknownPropertiesPointer: childPointer(pointer, node.additionalProperties === false ? 'additionalProperties' : 'unevaluatedProperties'),
      }),
      ...(handlerRules && { handlerRules }),
      pointer,
    };
  }

  /** The `allOf: [{if: {required: [d], properties: {d: {const: h}}}, then: ...}]` rules of a schema. */
  private handlerRules(node: Json, pointer: SpecPointer, fields: readonly FieldModel[]): HandlerRulesModel | undefined {
    const rules: HandlerRule[] = [];
    let discriminator: string | undefined;
    (node.allOf ?? []).forEach((member: Json, i: number) => {
      if (!('if' in member)) return;
      const at = childPointer(pointer, 'allOf', i);
      const pinned = Object.entries<Json>(member.if?.properties ?? {});
      if (pinned.length !== 1 || typeof pinned[0]![1].const !== 'string' || !member.if.required?.includes(pinned[0]![0])) {
        throw new ModelError(at, 'a handler rule\'s "if" must require one property and pin it with a string const');
      }
      const [property, { const: handler }] = pinned[0]!;
      if (discriminator !== undefined && discriminator !== property) {
        throw new ModelError(at, `handler rules switch on "${discriminator}" and "${property}"; use one property`);
      }
      discriminator = property;
      rules.push({
        handler,
        description: String(member.description ?? ''),
        alternatives: this.alternatives(member.then, childPointer(at, 'then')),
        pointer: childPointer(at, 'then'),
      });
    });
    if (discriminator === undefined) return undefined;
    const discriminatorType = fields.find((f) => f.name === discriminator)?.type;
    if (discriminatorType?.kind !== 'string' || !discriminatorType.enum) {
      throw new ModelError(pointer, `"${discriminator}" must be a property whose type is a named enum`);
    }
    const handlers = discriminatorType.enum.values;
    const ordered = handlers.map((handler) => {
      const matching = rules.filter((r) => r.handler === handler);
      if (matching.length !== 1) throw new ModelError(pointer, `"${handler}" must have exactly one handler rule, has ${matching.length}`);
      return matching[0]!;
    });
    return { discriminator, handlers, rules: ordered, pointer };
  }

  private alternatives(then: Json | undefined, pointer: SpecPointer): string[][] {
    if (!isObject(then)) throw new ModelError(pointer, 'a handler rule needs a "then"');
    assertKnownKeywords(then, ['required', 'anyOf'], pointer);
    if (Array.isArray(then.anyOf)) {
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
    const schemaRef = node.content?.['application/json']?.schema?.$ref;
    return {
      status,
      description: String(node.description ?? ''),
      ...(typeof schemaRef === 'string' && { schema: schemaNameOf(schemaRef, pointer) }),
      pointer: typeof raw.$ref === 'string' ? (raw.$ref as SpecPointer) : pointer,
    };
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
        const bodyRef = op.requestBody?.content?.['application/json']?.schema?.$ref;
        const responses = Object.entries<Json>(op.responses ?? {}).map(([status, r]) =>
          this.response(status, r, childPointer(at, 'responses', status)),
        );
        operations.push({
          operationId: String(op.operationId),
          ...(Array.isArray(op.tags) && typeof op.tags[0] === 'string' && { tag: op.tags[0] }),
          method,
          path,
          summary: String(op.summary ?? ''),
          description: String(op.description ?? ''),
          parameters: [...shared, ...own],
          ...(typeof bodyRef === 'string' && {
            requestBody: { schema: schemaNameOf(bodyRef, at), required: op.requestBody.required === true },
          }),
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
