/**
 * The model (IR): a small, typed reading of the bundled spec that every emitter shares.
 *
 * It holds only what the emitters need, in a fixed set of kinds. Anything in the spec that
 * does not fit these kinds is refused by `readModel` with a message naming its JSON pointer,
 * so an emitter never meets a schema shape it does not understand.
 *
 * Every node keeps `pointer`: where it came from in `generated/openapi.json`, so that
 * generated code (validator issues, docs) can point a reader back at the spec.
 */

/** A JSON pointer into the bundled spec, as a URI fragment: `#/components/schemas/X/...`. */
export type SpecPointer = `#/${string}`;

/** Formats the pipeline understands; each needs a checker in the validators runtime. */
export type StringFormat = 'uri' | 'uuid' | 'date-time' | 'email';

/** A named string enum of the spec (`components/schemas/PaymentMethod`, ...). */
export interface EnumModel {
  kind: 'enum';
  name: string;
  description: string;
  values: readonly string[];
  pointer: SpecPointer;
}

/**
 * The type of one value: a field, an array item, a map value, a parameter.
 *
 * Every kind carries `nullable` (`null` is also accepted: `type: [T, "null"]`, or a
 * `{type: "null"}` branch of an `anyOf`) and `pointer`. Check `kind` exhaustively: a new kind
 * is added here before any reader produces it.
 */
export type TypeModel =
  | StringType
  | IntegerType
  | NumberType
  | BooleanType
  | NullType
  | ConstType
  | ArrayType
  | InlineObjectType
  | ObjectRefType
  | UnionType;

interface TypeBase {
  /** `null` is also allowed. */
  nullable: boolean;
  pointer: SpecPointer;
}

/**
 * Known values of a string. `open: false` rejects anything else (requests); `open: true`
 * accepts any string and lists the values only for autocompletion and docs (responses, which
 * must not break when a newer server adds a value: `anyOf: [Enum, {type: string}]`).
 * `name` is the component's name for a `$ref`'d enum, absent for an inline `enum: [...]`.
 */
export interface StringEnum {
  name?: string;
  values: readonly string[];
  open: boolean;
  /** Where the values are listed (`.../enum`) in the bundled spec. */
  pointer: SpecPointer;
}

export interface StringType extends TypeBase {
  kind: 'string';
  format?: StringFormat;
  /** An ECMAScript regular expression source, anchored by the spec itself. */
  pattern?: string;
  /**
   * What a value that fails `pattern` is told, in plain words (the property's
   * `x-pattern-message`, such as "must contain only lowercase letters"). Only with `pattern`.
   */
  patternMessage?: string;
  minLength?: number;
  maxLength?: number;
  enum?: StringEnum;
}

/** Bounds shared by `integer` and `number`, as JSON Schema 2020-12 writes them (numbers, not booleans). */
export interface NumericBounds {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  /** The value divided by this is an integer (strictly positive). */
  multipleOf?: number;
}

export interface IntegerType extends TypeBase, NumericBounds {
  kind: 'integer';
}

/** Any JSON number (`type: number`), integers included. */
export interface NumberType extends TypeBase, NumericBounds {
  kind: 'number';
}

export interface BooleanType extends TypeBase {
  kind: 'boolean';
}

/** Only `null` (`type: "null"` alone). `nullable` is always true. */
export interface NullType extends TypeBase {
  kind: 'null';
}

/** Exactly one value (`const`); objects and arrays as a const are refused by the reader. */
export interface ConstType extends TypeBase {
  kind: 'const';
  value: string | number | boolean | null;
}

export interface ArrayType extends TypeBase {
  kind: 'array';
  items: TypeModel;
  minItems?: number;
  maxItems?: number;
}

/**
 * How an object treats properties that are not among its `fields`:
 * - `reject`: errors (requests, for typo protection; `additionalProperties`/`unevaluatedProperties: false`);
 * - `allow`: accepted, unchecked (responses, for forward compatibility);
 * - `map`: accepted when their value is of `mapValue` (`additionalProperties: {schema}`).
 */
export type UnknownProperties = 'reject' | 'allow' | 'map';

/** What a named object schema and an inline object share. */
export interface ObjectShape {
  /** Own properties and those of every `allOf` member, in spec order. */
  fields: readonly FieldModel[];
  unknownProperties: UnknownProperties;
  /** With `reject` or `map`: the keyword that says so (`.../unevaluatedProperties` or `.../additionalProperties`). */
  unknownPropertiesPointer?: SpecPointer;
  /** With `map`: the type every property not in `fields` must have. */
  mapValue?: TypeModel;
}

/** An object written in place (a property's `type: object` with its own `properties`). */
export interface InlineObjectType extends TypeBase, ObjectShape {
  kind: 'object';
}

/** A reference to a named object schema. */
export interface ObjectRefType extends TypeBase {
  kind: 'object-ref';
  name: string;
}

/**
 * A value of any of `members` (an `anyOf` that is not an open enum, or a type array such as
 * `[string, integer]`). Members are never unions themselves and never nullable: a null member
 * sets `nullable` on the union instead. At least two members.
 */
export interface UnionType extends TypeBase {
  kind: 'union';
  members: readonly TypeModel[];
}

export interface FieldModel {
  name: string;
  description: string;
  type: TypeModel;
  /** Listed in the object's `required`. */
  required: boolean;
  /** The spec's `default`, documentation only: the API applies it, clients do not. */
  default?: string | number | boolean | null;
  /** `readOnly: true`: set by the API, returned, never sent. */
  readOnly?: boolean;
  /** `writeOnly: true`: sent, never returned (a password). */
  writeOnly?: boolean;
  pointer: SpecPointer;
}

/**
 * What one discriminator value requires: at least one of `alternatives` must be fully
 * present. `[]` means nothing is required; `[["a"]]` means a; `[["a"], ["b"]]` means a or b.
 */
export interface HandlerRule {
  /** The discriminator value the rule's `if` pins with `const`. */
  handler: string;
  description: string;
  alternatives: readonly (readonly string[])[];
  /** The rule's `then` in the bundled spec. */
  pointer: SpecPointer;
}

/**
 * The rules of one discriminator of an object schema: an enum property that `allOf` branches
 * of `if: {required: [P], properties: {P: {const: V}}}` / `then: {...}` switch on. The
 * property's name is read from the spec; a schema may have several discriminators.
 */
export interface HandlerRulesModel {
  /** The property the rules switch on (read from the spec). */
  discriminator: string;
  /** The values of the discriminator's enum, in spec order. */
  handlers: readonly string[];
  /** The enum component's name, absent when the discriminator's enum is written inline. */
  enumName?: string;
  /** One rule per handler, in the order of `handlers`. */
  rules: readonly HandlerRule[];
  /** The schema that states the rules (shared by every schema that `allOf`s it, e.g. create and update). */
  pointer: SpecPointer;
}

export interface ObjectModel extends ObjectShape {
  kind: 'object';
  name: string;
  description: string;
  /**
   * One entry per discriminator, in the order the schema first switches on them; `[]` when
   * the schema has no rules. Rules inherited through `allOf` come first, and are the same
   * objects in every schema that inherits them.
   */
  handlerRules: readonly HandlerRulesModel[];
  pointer: SpecPointer;
}

export type SchemaModel = ObjectModel | EnumModel;

export interface ParameterModel {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  description: string;
  type: TypeModel;
  default?: string | number | boolean | null;
  pointer: SpecPointer;
}

export interface ResponseModel {
  /** The HTTP status as written in the spec: `"200"`, `"404"`. */
  status: string;
  description: string;
  /** The named schema of the JSON body, or undefined for an empty body. */
  schema?: string;
  pointer: SpecPointer;
}

export interface OperationModel {
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The path below the server URL, with `{param}` placeholders: `/orders/{id}`. */
  path: string;
  summary: string;
  description: string;
  /** The operation's tags, in spec order (the first names its resource). */
  tags: readonly string[];
  parameters: readonly ParameterModel[];
  /** The named schema of the JSON request body, when there is one. */
  requestBody?: { schema: string; required: boolean };
  /** 2xx responses, in spec order. */
  successes: readonly ResponseModel[];
  /** 4xx and 5xx responses, in spec order. */
  errors: readonly ResponseModel[];
  pointer: SpecPointer;
}

export interface ApiModel {
  title: string;
  version: string;
  /** The server URL template, such as `https://{region}.example.com/api/v1`. */
  serverUrl: string;
  /** The path part of the server URL, such as `/api/v1`. */
  basePath: string;
  operations: readonly OperationModel[];
  /** Every named schema, in spec order. */
  schemas: readonly SchemaModel[];
}
