/**
 * Emits `packages/types/src/generated/schemas.ts`: one named TypeScript type per schema of
 * the spec, read from the model.
 *
 * openapi-typescript drops `if`/`then`, so it cannot express the handler rules; these types
 * can. A schema with handler rules becomes a union with one member per `call_handler` value,
 * each requiring that handler's fields, plus a member without `call_handler`. Open enums
 * (responses) become `Known | (string & {})`: any string is accepted, the known values still
 * autocomplete.
 */
import { generatedHeader, jsDoc } from './header.ts';
import type { Emitter } from './emitter.ts';
import type { ApiModel, FieldModel, HandlerRulesModel, ObjectModel, TypeModel } from '../model/types.ts';

export const SCHEMA_TYPES_PATH = 'packages/types/src/generated/schemas.ts';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : JSON.stringify(name);
}

export function typeExpression(type: TypeModel): string {
  let base: string;
  switch (type.kind) {
    case 'string':
      if (type.enum) {
        const known = type.enum.name ?? type.enum.values.map((v) => JSON.stringify(v)).join(' | ');
        base = type.enum.open ? `${known} | (string & {})` : known;
      }
      else base = 'string';
      break;
    case 'integer':
      base = 'number';
      break;
    case 'array': {
      const item = typeExpression(type.items);
      base = /[|&]/.test(item) ? `(${item})[]` : `${item}[]`;
      break;
    }
    case 'object-ref':
      base = type.name;
      break;
    default:
      throw new Error(`${type.pointer}: the types emitter does not write "${type.kind}" values yet`);
  }
  return type.nullable ? `${base} | null` : base;
}

function fieldLines(fields: readonly FieldModel[], indent: string): string {
  return fields
    .map((f) => {
      const doc = jsDoc([f.description.trim(), f.default !== undefined ? `@default ${f.default}` : ''].filter(Boolean).join('\n\n'), indent);
      return `${doc}${indent}${propertyKey(f.name)}${f.required ? '' : '?'}: ${typeExpression(f.type)};`;
    })
    .join('\n');
}

/** The map from each handler to the fields it requires, and the generic that applies it. */
function handlerRuleTypes(rules: HandlerRulesModel, fieldTypes: ReadonlyMap<string, TypeModel>): string {
  const enumName = (() => {
    const t = fieldTypes.get(rules.discriminator);
    return t?.kind === 'string' && t.enum ? t.enum.name : 'string';
  })();
  const mapName = `${pascal(rules.discriminator)}RequiredFields`;
  const members = rules.rules.map((rule) => {
    const shape =
      rule.alternatives.length === 0
        ? 'Record<never, never>'
        : rule.alternatives
            .map((fields) => `{ ${fields.map((f) => `${propertyKey(f)}: ${typeExpression(nonNull(fieldTypes.get(f)))}`).join('; ')} }`)
            .join(' | ');
    return `${jsDoc(rule.description, '  ')}  ${propertyKey(rule.handler)}: ${shape};`;
  });
  return [
    jsDoc(`The fields each \`${rules.discriminator}\` value requires, read from the handler rules of the spec (${rules.pointer}).`),
    `export interface ${mapName} {`,
    ...members,
    '}',
    '',
    jsDoc(
      `A request body whose \`${rules.discriminator}\`, when present, comes with the fields that handler requires.\n` +
        `Without \`${rules.discriminator}\`, no handler field is required.`,
    ) +
      `export type With${pascal(rules.discriminator)}<Base> =\n` +
      `  | (Base & { ${rules.discriminator}?: undefined })\n` +
      `  | { [H in ${enumName}]: Base & { ${rules.discriminator}: H } & ${mapName}[H] }[${enumName}];`,
    '',
  ].join('\n');
}

function nonNull(type: TypeModel | undefined): TypeModel {
  if (!type) throw new Error('a handler rule names a field the schema lacks (the lint rule handler-rules/handler-rule-fields-exist should have caught this)');
  return type;
}

export function pascal(name: string): string {
  return name.replace(/(^|_)([a-z])/g, (_m, _u, c: string) => c.toUpperCase());
}

function objectType(schema: ObjectModel): string {
  const doc = jsDoc(schema.description);
  const rules = schema.handlerRules[0];
  if (!rules) return `${doc}export interface ${schema.name} {\n${fieldLines(schema.fields, '  ')}\n}\n`;
  const baseName = `${schema.name}Base`;
  const base = schema.fields.filter((f) => f.name !== rules.discriminator);
  return (
    jsDoc(`The fields of \`${schema.name}\` other than \`${rules.discriminator}\`.`) +
    `export interface ${baseName} {\n${fieldLines(base, '  ')}\n}\n\n` +
    doc +
    `export type ${schema.name} = With${pascal(rules.discriminator)}<${baseName}>;\n`
  );
}

export function renderSchemaTypes(model: ApiModel, specHash: string): string {
  const parts: string[] = [generatedHeader('scripts/emit/schema-types.ts', specHash)];
  const emittedRuleTypes = new Set<string>();
  for (const schema of model.schemas) {
    if (schema.kind === 'enum') {
      parts.push(`${jsDoc(schema.description)}export type ${schema.name} = ${schema.values.map((v) => JSON.stringify(v)).join(' | ')};\n`);
      parts.push(`${jsDoc(`Every value of \`${schema.name}\`, in spec order.`)}export const ${schema.name}Values = [${schema.values.map((v) => JSON.stringify(v)).join(', ')}] as const;\n`);
      continue;
    }
    const rules = schema.handlerRules[0];
    if (rules && !emittedRuleTypes.has(rules.pointer)) {
      emittedRuleTypes.add(rules.pointer);
      parts.push(handlerRuleTypes(rules, new Map(schema.fields.map((f) => [f.name, f.type]))));
    }
    parts.push(objectType(schema));
  }
  return parts.join('\n');
}

export const schemaTypesEmitter: Emitter = {
  name: 'named schema types',
  owns: [],
  emit: ({ model, specHash }) => [{ path: SCHEMA_TYPES_PATH, contents: renderSchemaTypes(model, specHash) }],
};
