/**
 * Every identifier the emitters generate comes from here: type names, helper type names,
 * validator function names, client resource and method names.
 *
 * Names are derived from spec names (schemas, tags, operationIds, properties), which the spec
 * author chooses freely, so two derivations can land on the same identifier (`checkXFields`
 * for schema `X` and `checkX` for a schema named `XFields`). Each generated module therefore
 * claims its names in a `NameScope`: a second claim of a name by a different source is refused
 * with a `NamingError` that names both sources, so generate stops instead of emitting a module
 * that does not compile or, worse, one where a name silently means something else.
 */

/** Two sources want the same generated identifier, or a spec name cannot become one. */
export class NamingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NamingError';
  }
}

/** ECMAScript reserved words and the strict-mode and TypeScript words that cannot name a type or a binding. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null',
  'return', 'super', 'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with',
  'implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static', 'yield', 'await',
  'arguments', 'eval',
  // TypeScript: predefined type names that a type alias or interface may not take.
  'any', 'unknown', 'never', 'object', 'string', 'number', 'boolean', 'symbol', 'bigint', 'undefined',
  'type', 'declare', 'namespace', 'module', 'abstract', 'as', 'asserts', 'infer', 'is', 'keyof', 'readonly',
  'satisfies', 'unique', 'global', 'out', 'accessor',
]);

/**
 * Global names the generated code uses; a generated declaration of the same name would shadow
 * them inside its module.
 */
export const GLOBAL_NAMES: ReadonlySet<string> = new Set([
  'Array', 'Boolean', 'Date', 'Error', 'JSON', 'Math', 'Number', 'Object', 'Partial', 'Promise', 'Readonly',
  'ReadonlyArray', 'Record', 'RegExp', 'String', 'Symbol', 'TypeError',
]);

/**
 * Property names that must never be generated on an object people call methods on: a `then`
 * makes the object a thenable that `await` would call; the others are `Object.prototype`'s.
 */
export const RESERVED_PROPERTIES: ReadonlySet<string> = new Set([
  'then', 'constructor', '__proto__', 'prototype', 'toString', 'toJSON', 'valueOf', 'hasOwnProperty',
  'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString',
]);

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A property key as written in an object type: bare when it can be, quoted otherwise (reserved words are fine there). */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

/** Whether `name` can be written bare as a binding or a type name. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !RESERVED_WORDS.has(name);
}

/** Refuses a spec name that cannot become an identifier, naming where it comes from. */
export function assertIdentifier(name: string, source: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new NamingError(`${source}: "${name}" cannot be used as a TypeScript name (use letters, digits and _ only, not starting with a digit)`);
  }
  if (RESERVED_WORDS.has(name)) throw new NamingError(`${source}: "${name}" is a reserved word in TypeScript; choose another name`);
  return name;
}

/** The type (and validator schema) named after a component schema: its name, unchanged, which must be an identifier. */
export function schemaTypeName(schemaName: string): string {
  return assertIdentifier(schemaName, schemaSource(schemaName));
}

/**
 * The words of a name: split at anything that is not a letter or digit, and at case changes
 * (`HTTPServers` → HTTP, Servers; `listOrderItems` → list, Order, Items).
 */
export function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** `payment_method` → `PaymentMethod`, `HTTP servers` → `HttpServers`. */
export function pascalCase(text: string): string {
  return words(text).map(capitalized).join('');
}

/** `Order Items` → `orderItems`, `list_order_items` → `listOrderItems`. */
export function camelCase(text: string): string {
  const [first = '', ...rest] = words(text);
  return first.toLowerCase() + rest.map(capitalized).join('');
}

/** `OrderFields` → `ORDER_FIELDS`, `payment_method` → `PAYMENT_METHOD`. */
export function upperSnakeCase(text: string): string {
  return words(text).map((w) => w.toUpperCase()).join('_');
}

/**
 * The client property of a resource, from its tag: `Order Items` → `orderItems`.
 * Refused when the tag yields no identifier or a name an object must not have (`then`).
 */
export function resourcePropertyName(tag: string): string {
  return propertyName(camelCase(tag), `tag "${tag}"`, 'property', 'tag');
}

/** A method named after an operation that fits no CRUD role: `cancel_call` → `cancelCall`. */
export function operationMethodName(operationId: string): string {
  return propertyName(camelCase(operationId), `operationId "${operationId}"`, 'method', 'operation');
}

/**
 * A name written after a dot (`client.orderItems`, `resource.delete`): reserved words are
 * fine there, but it must be an identifier and not a name an object must not have.
 */
function propertyName(name: string, source: string, what: 'property' | 'method', rename: string): string {
  if (name === '') throw new NamingError(`${source}: has no letters or digits to name a ${what} after`);
  if (!IDENTIFIER.test(name)) throw new NamingError(`${source}: "${name}" cannot be used as a ${what} name (it must not start with a digit)`);
  if (RESERVED_PROPERTIES.has(name)) throw new NamingError(`${source}: would become the ${what} "${name}", which a client object must not have; rename the ${rename}`);
  return name;
}

/**
 * The identifiers of one generated module (or of one object's properties). Each name is
 * claimed with a description of its source; claiming it again from the same source returns
 * it, from another source throws a `NamingError` naming both. Types and values are separate
 * TypeScript namespaces (a type and a const may share a name on purpose), so a scope has both.
 */
export class NameScope {
  private readonly claims = { type: new Map<string, string>(), value: new Map<string, string>() };

  /**
   * @param module what the scope names, for messages (`packages/types/src/generated/schemas.ts`)
   * @param reserved names the module already uses (imports, globals, fixed helpers), by what uses them
   */
  constructor(
    readonly module: string,
    reserved: Readonly<Record<string, string>> = {},
  ) {
    for (const name of GLOBAL_NAMES) {
      this.claims.type.set(name, `the global ${name}`);
      this.claims.value.set(name, `the global ${name}`);
    }
    for (const [name, source] of Object.entries(reserved)) {
      this.claims.type.set(name, source);
      this.claims.value.set(name, source);
    }
  }

  /** Claims `name` in the type namespace (`interface`, `type`). */
  type(name: string, source: string): string {
    return this.claim('type', name, source);
  }

  /** Claims `name` in the value namespace (`const`, `function`). */
  value(name: string, source: string): string {
    return this.claim('value', name, source);
  }

  private claim(space: 'type' | 'value', name: string, source: string): string {
    assertIdentifier(name, source);
    const owner = this.claims[space].get(name);
    if (owner !== undefined && owner !== source) {
      throw new NamingError(`${this.module}: ${source} and ${owner} would both be named "${name}"; rename one of them in the spec`);
    }
    this.claims[space].set(name, source);
    return name;
  }
}

/**
 * The names of the types module (`packages/types/src/generated/schemas.ts`). One instance per
 * module: every method claims the name it returns.
 */
export class TypeNames {
  /** The one generic that applies a discriminator's rules; its name is fixed, so it is reserved. */
  static readonly HANDLER_RULES_HELPER = 'WithHandlerRules';
  readonly scope: NameScope;

  constructor(module: string, reserved: Readonly<Record<string, string>> = {}) {
    this.scope = new NameScope(module, { [TypeNames.HANDLER_RULES_HELPER]: 'the handler-rules helper type', ...reserved });
  }

  /** A schema's own type: the component's name, unchanged (it is the public API). */
  schema(schemaName: string): string {
    return this.scope.type(schemaTypeName(schemaName), schemaSource(schemaName));
  }

  /** The const listing an enum's values in spec order: `PaymentMethod` → `PaymentMethodValues`. */
  enumValues(enumName: string): string {
    return this.scope.value(`${enumName}Values`, `the values of ${schemaSource(enumName)}`);
  }

  /** A schema with rules: its fields other than the discriminators. `Foo` → `FooBase`. */
  base(schemaName: string): string {
    return this.scope.type(`${schemaName}Base`, `the base fields of ${schemaSource(schemaName)}`);
  }

  /**
   * The map from each value of a discriminator to the fields it requires, named after the
   * schema that states the rules and the discriminator, so two schemas with rules on the same
   * property get two maps: `OrderFields` + `payment_method` → `OrderFieldsPaymentMethodRequiredFields`.
   */
  requiredFields(rulesOwner: string, discriminator: string): string {
    const pascal = pascalCase(discriminator);
    if (pascal === '') throw new NamingError(`${schemaSource(rulesOwner)}: the discriminator "${discriminator}" has no letters or digits to name a type after`);
    return this.scope.type(`${rulesOwner}${pascal}RequiredFields`, `the "${discriminator}" rules of ${schemaSource(rulesOwner)}`);
  }
}

function schemaSource(schemaName: string): string {
  return `schema "${schemaName}"`;
}

/**
 * The names of the validators module. One instance per module: every method claims the name
 * it returns, so `checkFieldsOf…` (a group of fields) and `check…` (a schema) can never be
 * handed out twice, whatever the schemas are called.
 */
export class ValidatorNames {
  readonly scope: NameScope;

  constructor(module: string, reserved: Readonly<Record<string, string>> = {}) {
    this.scope = new NameScope(module, reserved);
  }

  /** The exported Standard Schema value and type of a schema: its name, unchanged. */
  schema(schemaName: string): string {
    const name = schemaTypeName(schemaName);
    this.scope.type(name, `the type of ${schemaSource(schemaName)}`);
    return this.scope.value(name, `the validator of ${schemaSource(schemaName)}`);
  }

  /** The types package's type of a schema, imported under another name so the validator can take the schema's. */
  importedType(schemaName: string): string {
    return this.scope.type(`${schemaName}Type`, `the imported type of ${schemaSource(schemaName)}`);
  }

  /** The check of a whole value of a schema. */
  check(schemaName: string): string {
    return this.scope.value(`check${schemaName}`, `the check of ${schemaSource(schemaName)}`);
  }

  /** The check of the fields that one or more schemas share, named after the schema that defines them. */
  fieldsCheck(owner: string): string {
    return this.scope.value(`checkFieldsOf${owner}`, `the field check of ${schemaSource(owner)}`);
  }

  /** The type guard of a schema. */
  guard(schemaName: string): string {
    return this.scope.value(`is${schemaName}`, `the type guard of ${schemaSource(schemaName)}`);
  }

  /** The assertion function of a schema. */
  assertion(schemaName: string): string {
    return this.scope.value(`assert${schemaName}`, `the assertion of ${schemaSource(schemaName)}`);
  }

  /** A module constant, in UPPER_SNAKE_CASE: `constant('PaymentMethod', 'VALUES', 'the values of …')` → `PAYMENT_METHOD_VALUES`. */
  constant(base: string, suffix: string, source: string): string {
    const snake = upperSnakeCase(base);
    if (snake === '') throw new NamingError(`${source}: has no letters or digits to name a constant after`);
    return this.scope.value(`${snake}_${suffix}`, source);
  }
}

// Client names

/** The generated class of the resource of a tag: `Order Items` → `OrderItemsResource`. */
export function resourceClassName(tag: string): string {
  return assertIdentifier(`${pascalCase(tag)}Resource`, `tag "${tag}"`);
}

/** The validators package's assertion for a schema: `assertOrder`. */
export function assertFunctionName(schema: string): string {
  return `assert${schemaTypeName(schema)}`;
}

/**
 * Property names of one object (the client's resources, a resource's methods), in the order
 * given. Reserved words are fine after a dot; a name given twice, or one in `reserved` (a member
 * the runtime already has), is refused with a `NamingError` naming both sources.
 */
export function uniqueNames(entries: readonly { name: string; source: string }[], reserved: Readonly<Record<string, string>> = {}): string[] {
  const taken = new Map<string, string>(Object.entries(reserved));
  for (const { name, source } of entries) {
    const holder = taken.get(name);
    if (holder !== undefined) throw new NamingError(`the generated name "${name}" would come from both ${holder} and ${source}: rename one of them in the spec`);
    taken.set(name, source);
  }
  return entries.map((entry) => entry.name);
}
