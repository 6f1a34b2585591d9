/**
 * Emits `packages/validators/src/generated/validators.ts` with ts-morph: one straight-line
 * check function per object schema, read from the model.
 *
 * The shape of the output is chosen for speed and for messages (see
 * /work/shared/reference/validators.md):
 * - handler rules become one `switch` on the discriminator, not a ladder of if/then;
 * - each object is one `for...in` over its keys with a `switch` on the key: a present field is
 *   checked where it is found, an unknown key is reported in `default`, and absent fields cost
 *   nothing;
 * - closed enums are `switch`es on string literals, not Sets or loops over the values;
 * - a top-level field of a common shape (string, URI, UUID) is one call to a
 *   small runtime check (`src/runtime/field-checks.ts`), inlined by the JIT: writing the same
 *   lines out for every field made the package a fifth larger for no speed;
 * - nothing is allocated while a value is valid: issues start as `undefined`, and paths are
 *   built only inside the branch that reports a problem;
 * - each message's reason is written here, from the spec (" is required", " is required when
 *   call_handler is 'laml_webhooks'"); the hand-written runtime (`src/runtime/report.ts`),
 *   called only when a check has failed, puts the location in front ("username") and adds the
 *   received type or enum value. The same few reasons then repeat through the module and
 *   compress well, and a rejected body still costs little more than an accepted one.
 *
 * Schemas with identical fields (create and update both take every field of
 * `SipEndpointFields`) share one generated field check, named after the schema that defines
 * those fields, so the output stays small.
 */
import type { CodeBlockWriter } from 'ts-morph';
import { generatedHeader } from './header.ts';
import { requireCommonJs, type Emitter, type GeneratedFile } from './emitter.ts';
import type { ApiModel, FieldModel, HandlerRulesModel, ObjectModel, SpecPointer, TypeModel } from '../model/types.ts';

export const VALIDATORS_DIR = 'packages/validators/src/generated';
export const VALIDATORS_PATH = `${VALIDATORS_DIR}/validators.ts`;

const SCHEMA_PREFIX = '#/components/schemas/';
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** The schemas users validate: every request body and every success response body. */
export function publicSchemaNames(model: ApiModel): string[] {
  const wanted = new Set<string>();
  for (const op of model.operations) {
    if (op.requestBody) wanted.add(op.requestBody.schema);
    for (const response of op.successes) if (response.schema) wanted.add(response.schema);
  }
  return model.schemas.filter((s) => s.kind === 'object' && wanted.has(s.name)).map((s) => s.name);
}

function objectByName(model: ApiModel, name: string): ObjectModel {
  const schema = model.schemas.find((s) => s.name === name);
  if (schema?.kind !== 'object') throw new Error(`validators: no object schema ${name}`);
  return schema;
}

function objectRefs(type: TypeModel): string[] {
  if (type.kind === 'object-ref') return [type.name];
  if (type.kind === 'array') return objectRefs(type.items);
  return [];
}

/** The public schemas and every object schema they reach, in model order. */
function reachableSchemas(model: ApiModel, roots: readonly string[]): ObjectModel[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const field of objectByName(model, name).fields) objectRefs(field.type).forEach(visit);
  };
  roots.forEach(visit);
  return model.schemas.filter((s): s is ObjectModel => s.kind === 'object' && seen.has(s.name));
}

function upperSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}

/**
 * The one way a string reaches the generated code: as JSON, which is a valid TypeScript string
 * literal for every string (quotes, backslashes, line breaks and control characters escaped).
 */
const literal = (text: string): string => JSON.stringify(text);

/**
 * The one way a pattern reaches the generated code: checked here (a pattern that does not
 * compile with the `u` flag, as Ajv compiles it, stops the run), then handed to the
 * `RegExp` constructor as a string literal, so no pattern can end the expression early.
 */
function regexExpression(source: string): string {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    throw new Error(`validators: the pattern ${literal(source)} is not a valid regular expression with the u flag: ${(error as Error).message}`);
  }
  return `new RegExp(${literal(source)}, 'u')`;
}

function propertyAccess(objectName: string, key: string): string {
  return IDENTIFIER.test(key) ? `${objectName}.${key}` : `${objectName}[${literal(key)}]`;
}

/**
 * The fields one generated field check covers. Create and update list the same fields (all of
 * `SipEndpointFields`, through `allOf`) with the same handler rules, so they share one.
 */
interface FieldGroup {
  /** `SipEndpointFields` when every field is defined there, else the schema's own name. */
  owner: string;
  fields: readonly FieldModel[];
  handlerRules?: HandlerRulesModel;
  /** True when some schema of the group rejects unknown properties. */
  needsKnownKeys: boolean;
}

function groupOwner(schema: ObjectModel): string {
  const owners = new Set(schema.fields.map((f) => f.pointer.slice(SCHEMA_PREFIX.length).split('/')[0]));
  const [only] = owners;
  return owners.size === 1 && only ? only : schema.name;
}

function groupKey(schema: ObjectModel): string {
  return JSON.stringify([schema.fields.map((f) => [f.name, f.type]), schema.handlerRules?.pointer ?? null]);
}

/** What the emitter writes: the field groups, and for each schema its group. */
function planGroups(schemas: readonly ObjectModel[]): { groups: FieldGroup[]; groupOf: Map<string, FieldGroup> } {
  const byKey = new Map<string, FieldGroup>();
  const groupOf = new Map<string, FieldGroup>();
  const owners = new Map<string, string>();
  for (const schema of schemas) {
    const key = groupKey(schema);
    let group = byKey.get(key);
    if (!group) {
      let owner = groupOwner(schema);
      // Two different field lists may not share a function name.
      if (owners.has(owner) && owners.get(owner) !== key) owner = schema.name;
      owners.set(owner, key);
      group = { owner, fields: schema.fields, needsKnownKeys: false, ...(schema.handlerRules && { handlerRules: schema.handlerRules }) };
      byKey.set(key, group);
    }
    if (schema.unknownProperties === 'reject') group.needsKnownKeys = true;
    groupOf.set(schema.name, group);
  }
  return { groups: [...byKey.values()], groupOf };
}

/**
 * A pattern of the form `^[^X]+$` ("one or more characters, none of them in X"), as the
 * class `[X]` that must not occur; undefined for any other pattern. The two tests agree on
 * every string: a non-empty string matches the pattern exactly when a search for `[X]` (with
 * the same `u` flag) finds nothing. The search is cheaper: it needs no full match.
 */
export function forbiddenClass(pattern: string): string | undefined {
  const match = /^\^\[\^((?:[^\]\\[]|\\.)+)\]\+\$$/.exec(pattern);
  // `^[^^a]+$` forbids `^` and `a`; as `[^a]` the search would be a negated class.
  if (!match || match[1]!.startsWith('^')) return undefined;
  return `[${match[1]}]`;
}

/** A regular expression the module compiles once, and what it is for. */
interface PatternConstant {
  name: string;
  /** The spec's pattern this one is, or stands in for. */
  pattern: string;
  /** True for a `forbiddenClass` search standing in for `pattern`. */
  forbidden: boolean;
}

/** Module-level constants the checks use: patterns and enum value lists, each emitted once. */
class Constants {
  /** By regex source. */
  readonly patterns = new Map<string, PatternConstant>();
  readonly enums = new Map<string, { values: readonly string[]; pointer: SpecPointer }>();

  constructor(private readonly model: ApiModel) {}

  /** The constant for `source`: the spec's `pattern`, or (forbidden) the class it must not contain. */
  regex(source: string, pattern: string, forbidden: boolean, fieldName: string): string {
    const existing = this.patterns.get(source);
    if (existing) return existing.name;
    const base = `${upperSnake(fieldName)}_${forbidden ? 'FORBIDDEN' : 'PATTERN'}`;
    const taken = new Set([...this.patterns.values()].map((p) => p.name));
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    this.patterns.set(source, { name, pattern, forbidden });
    return name;
  }

  enumValues(enumName: string, values: readonly string[]): string {
    const schema = this.model.schemas.find((s) => s.name === enumName);
    const pointer = schema?.pointer ?? (`${SCHEMA_PREFIX}${enumName}` as SpecPointer);
    this.enums.set(enumName, { values, pointer });
    return `${upperSnake(enumName)}_VALUES`;
  }

  enumPointer(enumName: string): string {
    const schema = this.model.schemas.find((s) => s.name === enumName);
    return `${schema?.pointer ?? `${SCHEMA_PREFIX}${enumName}`}/enum`;
  }

  /** The pointers of schemas' `properties` (ending in `/`) the checks name, by constant name. */
  readonly propertyPointers = new Map<string, string>();

  /**
   * Code for the spec pointer of a field's rule. When the pointer is its schema's `properties`
   * pointer plus the field's name, this is a module constant ending in `/`, which the runtime
   * completes with the key (see `pointerAt` in src/runtime/report.ts); otherwise the pointer.
   */
  pointerCode(pointer: string, fieldName: string | undefined): string {
    const match = /^#\/components\/schemas\/([A-Za-z0-9_]+)\/properties\/(.+)$/.exec(pointer);
    if (fieldName === undefined || !match || match[2] !== fieldName || /[~/]/.test(fieldName)) return literal(pointer);
    const name = `${upperSnake(match[1]!)}_PROPERTIES`;
    this.propertyPointers.set(name, pointer.slice(0, pointer.length - fieldName.length));
    return name;
  }
}

/** What a format asks for, in the words of the issue messages. */
const FORMAT_REASONS = {
  uri: 'must be an absolute URI, such as https://example.com/hook',
  uuid: 'must be a UUID, such as 0f5a7c4e-2b8d-4f61-9c3a-7e2d1b6a5f90',
} as const;

/** A field's name in messages, as the runtime's `formatPath` writes it: `username`, `['odd key']`. */
function subjectOf(name: string): string {
  return IDENTIFIER.test(name) && name.length <= 40 ? name : `[${quoteText(name)}]`;
}

/** A value in a message, as the runtime's `quote` writes it: `'default'`. */
function quoteText(text: string): string {
  return /[\\'\u0000-\u001f\u007f]/.test(text) ? `'${JSON.stringify(text).slice(1, -1).replace(/'/g, "\\'")}'` : `'${text}'`;
}

/**
 * The text the runtime turns into a message (see `messageAt` in src/runtime/report.ts): the
 * reason only, with a leading space, " is required". The runtime writes the location in front
 * ("username", "data[0].call_handler"), so the same few reasons repeat throughout the module
 * and compress to almost nothing: this keeps the shipped package small.
 */
function messageText(reason: string): string {
  return ` ${reason}`;
}

/** Code for the path one key below `parentPath` (itself code): `pathTo(path, 'data')`. */
function extendPath(parentPath: string, key: string): string {
  return `pathTo(${parentPath}, ${key})`;
}

function expectedType(type: TypeModel, base: string): string {
  return type.nullable ? `${base} or null` : base;
}

/**
 * Writes the checks of one value that is known not to be `undefined`. `parentPath` and `key`
 * are code: they are evaluated only in the branches that report an issue.
 */
function writeValueCheck(
  w: CodeBlockWriter,
  constants: Constants,
  type: TypeModel,
  valueName: string,
  parentPath: string,
  key: string,
  depth: number,
  /** The field's name when `key` is it (a top-level field), for `Constants.pointerCode`. */
  fieldName?: string,
): void {
  const ptr = constants.pointerCode(type.pointer, fieldName);
  const nullGuard = type.nullable ? `${valueName} !== null` : '';
  const text = (reason: string): string => literal(messageText(reason));
  const reportType = (expected: string): string =>
    `issues = wrongType(issues, ${parentPath}, ${key}, ${text(`must be ${expectedType(type, expected)}`)}, ${valueName}, ${ptr});`;
  const orNull = (test: string): string => (nullGuard ? `${test} && ${nullGuard}` : test);

  switch (type.kind) {
    case 'string': {
      if (type.enum && !type.enum.open) {
        const valuesConst = constants.enumValues(type.enum.name, type.enum.values);
        w.write(`switch (${valueName})`).block(() => {
          for (const v of type.enum!.values) w.writeLine(`case ${literal(v)}:`);
          w.indent().write('break;').newLine();
          w.writeLine('default:');
          const report = `issues = notInEnum(issues, ${parentPath}, ${key}, ${valuesConst}, ${type.nullable}, ${valueName}, ${literal(constants.enumPointer(type.enum!.name))});`;
          if (nullGuard) w.indent().write(`if (${nullGuard}) ${report}`).newLine();
          else w.indent().write(report).newLine();
        });
        return;
      }
      // An open enum (responses) accepts any string: its values are for docs and autocompletion.
      const checks: string[] = [];
      if (type.format === 'uri') checks.push(`if (!isUri(${valueName})) issues = badFormat(issues, ${parentPath}, ${key}, ${text(FORMAT_REASONS.uri)}, ${ptr});`);
      if (type.format === 'uuid') checks.push(`if (!isUuid(${valueName})) issues = badFormat(issues, ${parentPath}, ${key}, ${text(FORMAT_REASONS.uuid)}, ${ptr});`);
      if (type.pattern !== undefined) {
        // The constant is named after the field (or, for an array item, its index variable).
        const constantBase = fieldName ?? (key.replace(/'/g, '') || 'value');
        const forbidden = forbiddenClass(type.pattern);
        const failed = forbidden
          ? `${valueName}.length === 0 || ${constants.regex(forbidden, type.pattern, true, constantBase)}.test(${valueName})`
          : `!${constants.regex(type.pattern, type.pattern, false, constantBase)}.test(${valueName})`;
        checks.push(`if (${failed}) issues = noMatch(issues, ${parentPath}, ${key}, ${text(`does not match the pattern ${type.pattern}`)}, ${ptr});`);
      }
      if (checks.length === 0) {
        w.writeLine(`if (${orNull(`typeof ${valueName} !== 'string'`)}) ${reportType('a string')}`);
        return;
      }
      if (type.nullable) {
        w.write(`if (typeof ${valueName} === 'string') `).inlineBlock(() => checks.forEach((c) => w.writeLine(c)));
        w.write(` else if (${valueName} !== null) `).inlineBlock(() => w.writeLine(reportType('a string')));
        w.newLine();
      } else {
        w.write(`if (typeof ${valueName} !== 'string') `).inlineBlock(() => w.writeLine(reportType('a string')));
        w.write(' else ').inlineBlock(() => checks.forEach((c) => w.writeLine(c)));
        w.newLine();
      }
      return;
    }
    case 'integer': {
      const notInteger = `typeof ${valueName} !== 'number' || !Number.isInteger(${valueName})`;
      const bounds: string[] = [];
      if (type.minimum !== undefined) {
        bounds.push(`if (${valueName} < ${type.minimum}) issues = outOfRange(issues, ${parentPath}, ${key}, 'too_small', ${text(`must be at least ${type.minimum}`)}, ${ptr});`);
      }
      if (type.maximum !== undefined) {
        bounds.push(`if (${valueName} > ${type.maximum}) issues = outOfRange(issues, ${parentPath}, ${key}, 'too_big', ${text(`must be at most ${type.maximum}`)}, ${ptr});`);
      }
      if (bounds.length === 0) {
        w.writeLine(`if (${orNull(`(${notInteger})`)}) ${reportType('an integer')}`);
        return;
      }
      w.write(`if (typeof ${valueName} === 'number' && Number.isInteger(${valueName})) `).inlineBlock(() => bounds.forEach((b) => w.writeLine(b)));
      w.write(` else${nullGuard ? ` if (${nullGuard})` : ''} `).inlineBlock(() => w.writeLine(reportType('an integer')));
      w.newLine();
      return;
    }
    case 'array': {
      const index = `i${depth}`;
      const item = `item${depth}`;
      const itemPath = extendPath(parentPath, key);
      w.write(`if (Array.isArray(${valueName})) `).inlineBlock(() => {
        if (type.minItems !== undefined) {
          w.writeLine(
            `if (${valueName}.length < ${type.minItems}) issues = outOfRange(issues, ${parentPath}, ${key}, 'too_small', ${text(`must be an array of at least ${type.minItems} item(s)`)}, ${ptr});`,
          );
        }
        w.write(`for (let ${index} = 0; ${index} < ${valueName}.length; ${index}++)`).block(() => {
          w.writeLine(`const ${item}: unknown = ${valueName}[${index}];`);
          writeValueCheck(w, constants, type.items, item, itemPath, index, depth + 1);
        });
      });
      w.write(` else${nullGuard ? ` if (${nullGuard})` : ''} `).inlineBlock(() => w.writeLine(reportType('an array')));
      w.newLine();
      return;
    }
    case 'object-ref': {
      const call = `issues = check${type.name}(${valueName}, ${extendPath(parentPath, key)}, issues);`;
      w.writeLine(nullGuard ? `if (${nullGuard}) ${call}` : call);
      return;
    }
  }
}

/**
 * The `switch` on the discriminator: for each handler with a rule, the test of its fields. Each
 * field is read by name where its rule needs it, as Ajv reads it, so only the chosen handler's
 * fields are read.
 */
function writeHandlerRules(w: CodeBlockWriter, rules: HandlerRulesModel, fieldNames: ReadonlySet<string>): void {
  const read = (field: string): string => {
    if (!fieldNames.has(field)) throw new Error(`validators: the handler rule names ${field}, which is not a field`);
    return propertyAccess('object', field);
  };
  w.writeLine(`// Handler rules (${rules.pointer}): the fields each ${rules.discriminator} value requires.`);
  w.write(`switch (${read(rules.discriminator)})`).block(() => {
    for (const rule of rules.rules) {
      if (rule.alternatives.length === 0) continue;
      w.writeLine(`case ${literal(rule.handler)}:`);
      w.indent(() => {
        // The rule fails when no alternative has all of its fields.
        const unmet = rule.alternatives
          .map((fields) => {
            const missing = fields.map((f) => `${read(f)} === undefined`);
            return missing.length === 1 ? missing[0]! : `(${missing.join(' || ')})`;
          })
          .join(' && ');
        const first = rule.alternatives[0]!;
        const names = (fields: readonly string[]) => fields.map(subjectOf).join(' and ');
        const others = rule.alternatives.slice(1).map(names);
        // The runtime writes the first field's location in front of this text.
        const message =
          `${first.length > 1 ? ` and ${names(first.slice(1))}` : ''}${others.length > 0 ? ` (or ${others.join(', or ')})` : ''}` +
          ` ${first.length > 1 ? 'are' : 'is'} required when ${rules.discriminator} is '${rule.handler}'`;
        w.writeLine(
          `if (${unmet}) issues = missingForHandler(issues, path, ${literal(first[0]!)}, ${literal(rule.handler)}, ${literal(message)}, ${literal(rule.pointer)});`,
        );
        w.writeLine('break;');
      });
    }
  });
}

function fieldCheckName(group: FieldGroup): string {
  return `check${group.owner}Fields`;
}

/**
 * The call to a runtime field check (`src/runtime/field-checks.ts`) for the shapes most fields
 * have, or undefined when the field needs code of its own (arrays, integers, objects, patterns).
 */
function fieldCheckCall(constants: Constants, field: FieldModel, valueName: string): string | undefined {
  const { type } = field;
  // A closed enum is a `switch` on the literals (written by writeValueCheck): comparing with
  // constants the compiler can see beats a loop over the list of values.
  if (type.kind !== 'string' || type.pattern !== undefined || (type.enum && !type.enum.open)) return undefined;
  const args = (extra: string) => `issues, path, ${literal(field.name)}, ${valueName}, ${extra}${type.nullable}, ${constants.pointerCode(type.pointer, field.name)}`;
  // An open enum (responses) accepts any string: its values are for docs and autocompletion.
  if (type.format === 'uri') return `checkUri(${args('')})`;
  if (type.format === 'uuid') return `checkUuid(${args('')})`;
  return `checkString(${args('')})`;
}

/**
 * One pass over the object's keys, with a `switch` on the key: each present field is checked
 * where it is found, and (for strict schemas) any other key is an unknown property. Reading
 * only the keys that are there, instead of every field the schema defines and then the keys
 * again for unknown ones, is what makes a typical body cheap: most fields are absent.
 *
 * What this sees, next to Ajv (the test oracle):
 * - `for...in` is how Ajv walks keys for `unevaluatedProperties`: a key whose value is
 *   undefined is still a key, and (like Ajv's `properties`) its value counts as absent.
 * - A value is read only for a key the schema defines, so a getter on any other key never runs.
 * - Field values are checked where `for...in` finds them, so a non-enumerable property, or a
 *   getter on a class's prototype, is not type-checked (Ajv reads each property by name). A
 *   JSON body has neither, and `JSON.stringify` would not send them.
 * - Required fields (in the schema's check) and the fields of the handler rules (after the
 *   loop, only those of the chosen handler) are read by name, as Ajv reads them, so these
 *   verdicts agree with Ajv on any object.
 */
function writeFieldGroup(w: CodeBlockWriter, constants: Constants, group: FieldGroup): void {
  w.writeLine('let field: unknown;');
  w.write('for (const key in object)').block(() => {
    w.write('switch (key)').block(() => {
      for (const field of group.fields) {
        w.writeLine(`case ${literal(field.name)}:`);
        w.indent(() => {
          w.writeLine('field = object[key];');
          const call = fieldCheckCall(constants, field, 'field');
          if (call) w.writeLine(`issues = ${call};`);
          else w.write('if (field !== undefined)').block(() => writeValueCheck(w, constants, field.type, 'field', 'path', literal(field.name), 0, field.name));
          w.writeLine('break;');
        });
      }
      if (group.needsKnownKeys) {
        w.writeLine('default:');
        w.indent().write(`if (unknownPointer !== undefined) issues = unknownProperty(issues, path, key, ${upperSnake(group.owner)}_FIELD_NAMES, unknownPointer);`).newLine();
      }
    });
  });
  if (group.handlerRules) writeHandlerRules(w, group.handlerRules, new Set(group.fields.map((f) => f.name)));
  w.writeLine('return issues;');
}

function writeSchemaCheck(w: CodeBlockWriter, schema: ObjectModel, group: FieldGroup): void {
  w.write(`if (typeof value !== 'object' || value === null || Array.isArray(value))`).block(() => {
    w.writeLine(`return wrongType(issues, path, undefined, ' must be an object', value, ${literal(schema.pointer)});`);
  });
  w.writeLine('const object = value as Record<string, unknown>;');
  const requiredPointer = `${schema.pointer}/required`;
  for (const field of schema.fields.filter((f) => f.required)) {
    w.writeLine(
      `if (${propertyAccess('object', field.name)} === undefined) issues = missing(issues, path, ${literal(field.name)}, ${literal(messageText('is required'))}, ${literal(requiredPointer)});`,
    );
  }
  // A strict (request) schema names the pointer its unknown-property issues cite; a lenient one passes none.
  const unknownPointer = schema.unknownProperties === 'reject' ? literal(schema.unknownPropertiesPointer ?? schema.pointer) : 'undefined';
  w.writeLine(`return ${fieldCheckName(group)}(object, path, issues${group.needsKnownKeys ? `, ${unknownPointer}` : ''});`);
}

/** The runtime functions generated checks may call, by module. */
const RUNTIME_FUNCTIONS: readonly (readonly [string, readonly string[]])[] = [
  ['../runtime/field-checks.ts', ['checkString', 'checkUri', 'checkUuid']],
  ['../runtime/formats.ts', ['isUri', 'isUuid']],
  ['../runtime/report.ts', ['badFormat', 'missing', 'missingForHandler', 'noMatch', 'notInEnum', 'outOfRange', 'pathTo', 'quoteNames', 'unknownProperty', 'wrongType']],
];

/** The generated module's text, written with ts-morph in the layout its formatter would give (a test checks). */
export async function renderValidators(model: ApiModel, specHash: string): Promise<string> {
  // Loaded here, not at the top: ts-morph brings its own TypeScript compiler, slow to load
  // (see `Emitter.preload`).
  const { IndentationText, Project, QuoteKind, VariableDeclarationKind } = requireCommonJs<typeof import('ts-morph')>('ts-morph');
  const publicNames = publicSchemaNames(model);
  const schemas = reachableSchemas(model, publicNames);
  const { groups, groupOf } = planGroups(schemas);
  const constants = new Constants(model);

  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Single },
  });
  const file = project.createSourceFile('validators.ts', '');

  // Bodies first: writing them records which patterns and enum lists the module needs.
  const functionBodies = new Map<string, string>();
  const record = (name: string, write: (w: CodeBlockWriter) => void): void => {
    const writer = project.createWriter();
    write(writer);
    functionBodies.set(name, writer.toString());
  };
  for (const group of groups) record(fieldCheckName(group), (w) => writeFieldGroup(w, constants, group));
  for (const schema of schemas) record(`check${schema.name}`, (w) => writeSchemaCheck(w, schema, groupOf.get(schema.name)!));

  file.addImportDeclaration({
    isTypeOnly: true,
    moduleSpecifier: '@sip-endpoints/types',
    namedImports: publicNames.map((name) => ({ name, alias: `${name}Type` })),
  });
  file.addImportDeclaration({ isTypeOnly: true, moduleSpecifier: '../runtime/issue.ts', namedImports: ['IssuePath', 'Issues'] });
  // Import only the runtime functions the checks call, so that the module stays free of unused names.
  const bodies = [...functionBodies.values()].join('\n');
  const quotedNames = [...new Set(schemas.flatMap((schema) => schema.fields.map((f) => f.name)))].filter((name) => subjectOf(name) !== name);
  for (const [moduleSpecifier, names] of RUNTIME_FUNCTIONS) {
    const used = names.filter((name) => new RegExp(`\\b${name}\\(`).test(bodies) || (name === 'quoteNames' && quotedNames.length > 0));
    if (used.length > 0) file.addImportDeclaration({ moduleSpecifier, namedImports: used });
  }
  file.addImportDeclaration({
    moduleSpecifier: '../runtime/standard-schema.ts',
    namedImports: ['assertValid', 'defineSchema', 'runCheck', { name: 'SipEndpointsSchema', isTypeOnly: true }],
  });

  // Names that need quoting in a path are declared to the runtime once (see `quoteNames` in
  // src/runtime/report.ts); a spec without any, like this one, emits nothing.
  if (quotedNames.length > 0) {
    file.addStatements((w) => {
      w.writeLine(`// Property names that a path writes quoted, declared to the runtime once.`);
      w.writeLine(`quoteNames([${quotedNames.map(literal).join(', ')}]);`);
    });
  }
  for (const [source, { name, pattern, forbidden }] of constants.patterns) {
    file.addVariableStatement({
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name, initializer: regexExpression(source) }],
      leadingTrivia: forbidden
        ? `// The spec's pattern ${pattern} holds for a non-empty string with no match of this class (see forbiddenClass); \`u\` as Ajv compiles it.\n`
        : "// The spec's pattern, compiled with the `u` flag as Ajv compiles it.\n",
    });
  }
  for (const [name, pointer] of constants.propertyPointers) {
    file.addVariableStatement({
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name, initializer: literal(pointer) }],
      leadingTrivia: "// Where these fields are in the spec: an issue's pointer is this plus the field's name.\n",
    });
  }
  for (const [enumName, { values, pointer }] of constants.enums) {
    file.addVariableStatement({
      declarationKind: VariableDeclarationKind.Const,
      declarations: [{ name: `${upperSnake(enumName)}_VALUES`, type: 'readonly string[]', initializer: `[${values.map(literal).join(', ')}]` }],
      leadingTrivia: `// The values of ${enumName} (${pointer}), listed in enum issues.\n`,
    });
  }
  for (const group of groups.filter((g) => g.needsKnownKeys)) {
    file.addVariableStatement({
      declarationKind: VariableDeclarationKind.Const,
      declarations: [
        { name: `${upperSnake(group.owner)}_FIELD_NAMES`, type: 'readonly string[]', initializer: `[${group.fields.map((f) => literal(f.name)).join(', ')}]` },
      ],
      leadingTrivia: `// The properties of ${group.owner}, for "did you mean" suggestions.\n`,
    });
  }
  for (const group of groups) {
    file.addFunction({
      name: fieldCheckName(group),
      docs: [`Checks the fields of ${group.owner} that are present${group.handlerRules ? `, and its handler rules (${group.handlerRules.pointer})` : ''}.`],
      parameters: [
        { name: 'object', type: 'Record<string, unknown>' },
        { name: 'path', type: 'IssuePath' },
        { name: 'issues', type: 'Issues' },
        ...(group.needsKnownKeys ? [{ name: 'unknownPointer', type: 'string | undefined' }] : []),
      ],
      returnType: 'Issues',
      statements: functionBodies.get(fieldCheckName(group))!,
    });
  }
  for (const schema of schemas) {
    file.addFunction({
      name: `check${schema.name}`,
      docs: [`Appends the issues of a ${schema.name} (${schema.pointer}) to \`issues\`.`],
      parameters: [
        { name: 'value', type: 'unknown' },
        { name: 'path', type: 'IssuePath' },
        { name: 'issues', type: 'Issues' },
      ],
      returnType: 'Issues',
      statements: functionBodies.get(`check${schema.name}`)!,
    });
  }
  for (const name of publicNames) {
    const check = `check${name}`;
    file.addTypeAlias({ isExported: true, name, type: `${name}Type`, docs: [`The type of a valid ${name}, from @sip-endpoints/types.`] });
    file.addVariableStatement({
      isExported: true,
      declarationKind: VariableDeclarationKind.Const,
      docs: [`Validates a ${name} (Standard Schema v1): \`${name}['~standard'].validate(value)\` returns \`{ value }\` or \`{ issues }\`.`],
      declarations: [{ name, type: `SipEndpointsSchema<${name}>`, initializer: `defineSchema<${name}>(${literal(name)}, ${check})` }],
    });
    file.addFunction({
      isExported: true,
      name: `is${name}`,
      docs: [`Whether \`value\` is a valid ${name}.`],
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: `value is ${name}`,
      statements: `return runCheck(${check}, value) === undefined;`,
    });
    file.addFunction({
      isExported: true,
      name: `assert${name}`,
      docs: [`Throws a \`ValidationError\` listing every issue unless \`value\` is a valid ${name}.`],
      parameters: [{ name: 'value', type: 'unknown' }],
      returnType: `asserts value is ${name}`,
      statements: `assertValid(${literal(name)}, ${check}, value);`,
    });
  }

  // No `formatText()` pass: the writer already indents by two spaces and spaces its blocks,
  // and the TypeScript formatter would double the emitter's run time for an identical result
  // (a test compares the two).
  return `${generatedHeader('scripts/emit/validators.ts', specHash)}\n${file.getFullText()}`;
}

export const validatorsEmitter: Emitter = {
  name: 'validators (ts-morph)',
  owns: [VALIDATORS_DIR],
  preload: ['ts-morph'],
  emit: async ({ model, specHash }): Promise<GeneratedFile[]> => [{ path: VALIDATORS_PATH, contents: await renderValidators(model, specHash) }],
};
