/**
 * Emits `packages/types/src/generated/schemas.ts`: one named TypeScript type per schema of
 * the spec, read from the model.
 *
 * openapi-typescript drops `if`/`then`, so it cannot express the handler rules; these types
 * can. A schema with rules on a discriminator becomes a union with one member per value of the
 * discriminator, each requiring that value's fields, plus a member without the discriminator.
 * A schema with several discriminators applies each in turn, so every combination is checked.
 * Open enums (responses) become `Known | (string & {})`: any string is accepted, the known
 * values still autocomplete. Every generated name comes from `naming.ts`.
 */
import { generatedHeader, jsDoc } from './header.ts';
import type { Emitter } from './emitter.ts';
import { propertyKey, TypeNames } from './naming.ts';
import { schemaNameAt } from '../model/read-model.ts';
import type { ApiModel, FieldModel, HandlerRulesModel, ObjectModel, ObjectShape, TypeModel } from '../model/types.ts';

export const SCHEMA_TYPES_PATH = 'packages/types/src/generated/schemas.ts';

/** Names `packages/types/src/index.ts` exports beside this module's, which a schema must not take. */
const TYPES_PACKAGE_NAMES: Readonly<Record<string, string>> = {
  paths: 'the openapi-typescript export "paths"',
  components: 'the openapi-typescript export "components"',
  operations: 'the openapi-typescript export "operations"',
  webhooks: 'the openapi-typescript export "webhooks"',
};

/** Whether the expression of `type` is a union at its top level (so `[]` would bind to its last member). */
function isUnionExpression(type: TypeModel): boolean {
  if (type.nullable && type.kind !== 'null' && !(type.kind === 'const' && type.value === null)) return true;
  if (type.kind === 'union') return true;
  if (type.kind === 'string' && type.enum) return type.enum.open || (type.enum.name === undefined && type.enum.values.length > 1);
  return false;
}

/** The expression of `type`, in parentheses when it is a union. */
function grouped(type: TypeModel, indent: string): string {
  const expression = typeExpression(type, indent);
  return isUnionExpression(type) ? `(${expression})` : expression;
}

/** The TypeScript type of a value of `type`; `indent` is the indentation of the line it starts on. */
export function typeExpression(type: TypeModel, indent = ''): string {
  let base: string;
  switch (type.kind) {
    case 'string':
      if (type.enum) {
        const known = type.enum.name ?? type.enum.values.map((v) => JSON.stringify(v)).join(' | ');
        base = type.enum.open ? `${known} | (string & {})` : known;
      } else {
        base = 'string';
      }
      break;
    case 'integer':
    case 'number':
      base = 'number';
      break;
    case 'boolean':
      base = 'boolean';
      break;
    case 'null':
      return 'null';
    case 'const':
      base = JSON.stringify(type.value);
      break;
    case 'array':
      base = `${grouped(type.items, indent)}[]`;
      break;
    case 'object':
      base = objectLiteral(type, indent);
      break;
    case 'object-ref':
      base = type.name;
      break;
    case 'union':
      base = type.members.map((m) => typeExpression(m, indent)).join(' | ');
      break;
  }
  return type.nullable && base !== 'null' ? `${base} | null` : base;
}

/** The index signature for the properties an object does not list, when they are allowed a type. */
function mapSignature(shape: ObjectShape, indent: string): string | undefined {
  if (shape.unknownProperties !== 'map' || !shape.mapValue) return undefined;
  // Every listed property must fit the index signature too, so their types join the map's.
  const types = new Set([typeExpression(shape.mapValue, indent)]);
  for (const field of shape.fields) {
    types.add(typeExpression(field.type, indent));
    if (!field.required) types.add('undefined');
  }
  return `${indent}[key: string]: ${[...types].join(' | ')};`;
}

/** An inline object: its fields, one per line, and a map's index signature. */
function objectLiteral(shape: ObjectShape, indent: string): string {
  const inner = `${indent}  `;
  const lines = [fieldLines(shape.fields, inner), mapSignature(shape, inner)].filter((l): l is string => Boolean(l));
  if (lines.length === 0) return shape.unknownProperties === 'reject' ? 'Record<string, never>' : 'Record<string, unknown>';
  return `{\n${lines.join('\n')}\n${indent}}`;
}

function fieldDoc(f: FieldModel): string {
  return [
    f.description.trim(),
    f.readOnly ? 'Read-only: set by the API, never sent.' : '',
    f.writeOnly ? 'Write-only: sent, never returned.' : '',
    f.default !== undefined ? `@default ${typeof f.default === 'string' ? f.default : JSON.stringify(f.default)}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}

function fieldLines(fields: readonly FieldModel[], indent: string): string {
  return fields
    .map((f) => `${jsDoc(fieldDoc(f), indent)}${indent}${propertyKey(f.name)}${f.required ? '' : '?'}: ${typeExpression(f.type, indent)};`)
    .join('\n');
}

/** The generic that applies one discriminator's rules to a base type; emitted once. */
function handlerRulesHelper(): string {
  const name = TypeNames.HANDLER_RULES_HELPER;
  return (
    jsDoc(
      'A body whose discriminator `Key`, when present, comes with the fields its value requires\n' +
        '(`Rules[value]`). Without `Key`, none of those fields is required. A schema with several\n' +
        'discriminators applies this once per discriminator.',
    ) +
    `export type ${name}<Base, Key extends string, Rules> =\n` +
    `  | (Base & { [K in Key]?: undefined })\n` +
    `  | { [H in keyof Rules & string]: Base & { [K in Key]: H } & Rules[H] }[keyof Rules & string];\n`
  );
}

/** The interface from each value of one discriminator to the fields it requires. */
function requiredFieldsType(rules: HandlerRulesModel, mapName: string, fieldTypes: ReadonlyMap<string, TypeModel>): string {
  const members = rules.rules.map((rule) => {
    const shape =
      rule.alternatives.length === 0
        ? 'Record<never, never>'
        : rule.alternatives
            .map((fields) => `{ ${fields.map((f) => `${propertyKey(f)}: ${typeExpression(fieldType(fieldTypes, f, rules), '  ')}`).join('; ')} }`)
            .join(' | ');
    return `${jsDoc(rule.description, '  ')}  ${propertyKey(rule.handler)}: ${shape};`;
  });
  return [
    jsDoc(`The fields each \`${rules.discriminator}\` value requires, read from the rules of the spec (${rules.pointer}).`) + `export interface ${mapName} {`,
    ...members,
    '}',
    '',
  ].join('\n');
}

function fieldType(fieldTypes: ReadonlyMap<string, TypeModel>, name: string, rules: HandlerRulesModel): TypeModel {
  const type = fieldTypes.get(name);
  if (!type) throw new Error(`${rules.pointer}: a rule names "${name}", which the schema lacks (the lint rule handler-rules/handler-rule-fields-exist should have caught this)`);
  return type;
}

/** The name of the schema that states a set of rules (`#/components/schemas/X` → `X`). */
function rulesOwner(rules: HandlerRulesModel): string {
  const name = schemaNameAt(rules.pointer);
  if (name === undefined) throw new Error(`${rules.pointer}: rules are expected on a named schema`);
  return name;
}

function objectType(schema: ObjectModel, names: TypeNames, ruleMaps: ReadonlyMap<HandlerRulesModel, string>): string {
  const doc = jsDoc(schema.description);
  const name = names.schema(schema.name);
  if (schema.handlerRules.length === 0) {
    const signature = mapSignature(schema, '  ');
    const body = [fieldLines(schema.fields, '  '), signature].filter(Boolean).join('\n');
    return `${doc}export interface ${name} {\n${body}\n}\n`;
  }
  const baseName = names.base(schema.name);
  const discriminators = new Set(schema.handlerRules.map((r) => r.discriminator));
  const base = schema.fields.filter((f) => !discriminators.has(f.name));
  const listed = [...discriminators].map((d) => `\`${d}\``).join(' and ');
  let applied = baseName;
  for (const rules of schema.handlerRules) {
    applied = `${TypeNames.HANDLER_RULES_HELPER}<${applied}, ${JSON.stringify(rules.discriminator)}, ${ruleMaps.get(rules)}>`;
  }
  const signature = mapSignature({ ...schema, fields: base }, '  ');
  return (
    jsDoc(`The fields of \`${schema.name}\` other than ${listed}.`) +
    `export interface ${baseName} {\n${[fieldLines(base, '  '), signature].filter(Boolean).join('\n')}\n}\n\n` +
    doc +
    `export type ${name} = ${applied};\n`
  );
}

export function renderSchemaTypes(model: ApiModel, specHash: string): string {
  const names = new TypeNames(SCHEMA_TYPES_PATH, TYPES_PACKAGE_NAMES);
  const parts: string[] = [generatedHeader('scripts/emit/schema-types.ts', specHash)];
  const ruleMaps = new Map<HandlerRulesModel, string>();
  for (const schema of model.schemas) {
    if (schema.kind === 'enum') {
      const literals = schema.values.map((v) => JSON.stringify(v));
      parts.push(`${jsDoc(schema.description)}export type ${names.schema(schema.name)} = ${literals.join(' | ')};\n`);
      parts.push(`${jsDoc(`Every value of \`${schema.name}\`, in spec order.`)}export const ${names.enumValues(schema.name)} = [${literals.join(', ')}] as const;\n`);
      continue;
    }
    for (const rules of schema.handlerRules) {
      if (ruleMaps.has(rules)) continue;
      if (ruleMaps.size === 0) parts.push(handlerRulesHelper());
      const mapName = names.requiredFields(rulesOwner(rules), rules.discriminator);
      ruleMaps.set(rules, mapName);
      parts.push(requiredFieldsType(rules, mapName, new Map(schema.fields.map((f) => [f.name, f.type]))));
    }
    parts.push(objectType(schema, names, ruleMaps));
  }
  return parts.join('\n');
}

export const schemaTypesEmitter: Emitter = {
  name: 'named schema types',
  owns: [],
  emit: ({ model, specHash }) => [{ path: SCHEMA_TYPES_PATH, contents: renderSchemaTypes(model, specHash) }],
};
