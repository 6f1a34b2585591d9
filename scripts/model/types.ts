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
export type StringFormat = 'uri' | 'uuid';

/** A named string enum of the spec (`components/schemas/CallHandler`, ...). */
export interface EnumModel {
  kind: 'enum';
  name: string;
  description: string;
  values: readonly string[];
  pointer: SpecPointer;
}

/** The type of one value: a field, an array item, a parameter. */
export type TypeModel = StringType | IntegerType | ArrayType | ObjectRefType;

interface TypeBase {
  /** `null` is also allowed. */
  nullable: boolean;
  pointer: SpecPointer;
}

export interface StringType extends TypeBase {
  kind: 'string';
  format?: StringFormat;
  /** An ECMAScript regular expression source, anchored by the spec itself. */
  pattern?: string;
  /**
   * Known values. `open: false` rejects anything else (requests); `open: true` accepts any
   * string and lists the values only for autocompletion and docs (responses, which must not
   * break when a newer server adds a value).
   */
  enum?: { name: string; values: readonly string[]; open: boolean };
}

export interface IntegerType extends TypeBase {
  kind: 'integer';
  minimum?: number;
  maximum?: number;
}

export interface ArrayType extends TypeBase {
  kind: 'array';
  items: TypeModel;
  minItems?: number;
}

/** A reference to a named object schema. */
export interface ObjectRefType extends TypeBase {
  kind: 'object-ref';
  name: string;
}

export interface FieldModel {
  name: string;
  description: string;
  type: TypeModel;
  /** Listed in the object's `required`. */
  required: boolean;
  /** The spec's `default`, documentation only: the API applies it, clients do not. */
  default?: string | number;
  pointer: SpecPointer;
}

/**
 * What one `call_handler` value requires: at least one of `alternatives` must be fully
 * present. `[]` means nothing is required; `[["a"]]` means a; `[["a"], ["b"]]` means a or b.
 */
export interface HandlerRule {
  handler: string;
  description: string;
  alternatives: readonly (readonly string[])[];
  /** The rule's `then` in the bundled spec. */
  pointer: SpecPointer;
}

/** The handler rules of an object schema, and the property they switch on. */
export interface HandlerRulesModel {
  discriminator: string;
  /** The enum of the discriminator, in spec order. */
  handlers: readonly string[];
  /** One rule per handler, in the order of `handlers`. */
  rules: readonly HandlerRule[];
  /** The schema that states the rules (shared by create and update). */
  pointer: SpecPointer;
}

export interface ObjectModel {
  kind: 'object';
  name: string;
  description: string;
  /** Own properties and those of every `allOf` member, in spec order. */
  fields: readonly FieldModel[];
  /**
   * `reject`: unknown properties are errors (requests, for typo protection).
   * `allow`: unknown properties are accepted (responses, for forward compatibility).
   */
  unknownProperties: 'reject' | 'allow';
  /** With `reject`: the keyword that rejects them (`.../unevaluatedProperties` or `.../additionalProperties`). */
  unknownPropertiesPointer?: SpecPointer;
  handlerRules?: HandlerRulesModel;
  pointer: SpecPointer;
}

export type SchemaModel = ObjectModel | EnumModel;

export interface ParameterModel {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  description: string;
  type: TypeModel;
  default?: string | number;
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
  /** The operation's first tag: the resource it belongs to (see `resources.ts`). */
  tag?: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** The path below the server URL, with `{param}` placeholders: `/endpoints/sip/{id}`. */
  path: string;
  summary: string;
  description: string;
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
  /** The server URL template, e.g. `https://{space}.signalwire.com/api/relay/rest`. */
  serverUrl: string;
  /** The path part of the server URL, e.g. `/api/relay/rest`. */
  basePath: string;
  operations: readonly OperationModel[];
  /** Every named schema, in spec order. */
  schemas: readonly SchemaModel[];
}
