/**
 * The create body's schema written for TypeBox 0.34 (compiled) and arktype 2, from the model,
 * each the way its users would write a body whose required fields depend on a handler: a union
 * of strict variants, one per handler alternative, plus the variant without a handler. The
 * handler rules come from the spec through the model, as for our validators: the comparison
 * is about how each library checks them, not about who wrote them down.
 */
import { FormatRegistry, Type, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { type } from 'arktype';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { FieldModel, ObjectModel, TypeModel } from '../../scripts/model/types.ts';

/** One strict object per handler alternative: its fields, which of them are required, the handler pinned. */
interface Variant {
  fields: readonly FieldModel[];
  required: ReadonlySet<string>;
  /** The discriminator's only value in this variant, or undefined for the variant without it. */
  handler?: { field: string; value: string };
}

function variants(schema: ObjectModel): Variant[] {
  const rules = schema.handlerRules[0];
  const required = schema.fields.filter((f) => f.required).map((f) => f.name);
  if (!rules) return [{ fields: schema.fields, required: new Set(required) }];
  const out: Variant[] = [{ fields: schema.fields.filter((f) => f.name !== rules.discriminator), required: new Set(required) }];
  for (const rule of rules.rules) {
    const handler = { field: rules.discriminator, value: rule.handler };
    const alternatives = rule.alternatives.length === 0 ? [[]] : rule.alternatives;
    for (const alternative of alternatives) out.push({ fields: schema.fields, required: new Set([...required, ...alternative]), handler });
  }
  return out;
}

const uri = fullFormats.uri as (value: string) => boolean;
const uuid = fullFormats.uuid as RegExp;

function typeboxType(t: TypeModel): TSchema {
  const base = ((): TSchema => {
    switch (t.kind) {
      case 'string':
        if (t.enum && !t.enum.open) return Type.Union(t.enum.values.map((v) => Type.Literal(v)));
        return Type.String({ ...(t.pattern && { pattern: t.pattern }), ...(t.format && { format: t.format }) });
      case 'array':
        return Type.Array(typeboxType(t.items));
      default:
        throw new Error(`bench peers: no TypeBox type for ${t.kind}`);
    }
  })();
  return t.nullable ? Type.Union([base, Type.Null()]) : base;
}

/** TypeBox's compiled `Check`, a boolean. */
export function typeboxCheck(schema: ObjectModel): (value: unknown) => boolean {
  FormatRegistry.Set('uri', (value) => uri(value));
  FormatRegistry.Set('uuid', (value) => uuid.test(value));
  const members = variants(schema).map((variant) =>
    Type.Object(
      Object.fromEntries(
        variant.fields.map((f) => {
          const t = variant.handler?.field === f.name ? Type.Literal(variant.handler.value) : typeboxType(f.type);
          return [f.name, variant.required.has(f.name) || variant.handler?.field === f.name ? t : Type.Optional(t)];
        }),
      ),
      { additionalProperties: false },
    ),
  );
  const compiled = TypeCompiler.Compile(Type.Union(members));
  return (value) => compiled.Check(value);
}

function arktypeDefinition(t: TypeModel): unknown {
  const base = ((): any => {
    switch (t.kind) {
      case 'string':
        if (t.enum && !t.enum.open) return type.enumerated(...t.enum.values);
        if (t.pattern) return type(new RegExp(t.pattern, 'u') as any);
        if (t.format === 'uri') return type('string').narrow((value) => uri(value));
        if (t.format === 'uuid') return type('string').narrow((value) => uuid.test(value));
        return type('string');
      case 'array':
        return (type(arktypeDefinition(t.items) as any) as any).array();
      default:
        throw new Error(`bench peers: no arktype type for ${t.kind}`);
    }
  })();
  return t.nullable ? base.or('null') : base;
}

/** arktype: the union of strict variants, as a callable type (`allows` for a boolean, a call for errors). */
export function arktypeSchema(schema: ObjectModel): { allows: (value: unknown) => boolean; (value: unknown): unknown } {
  const members = variants(schema).map((variant) =>
    type(
      Object.fromEntries(
        variant.fields.map((f) => {
          const t = variant.handler?.field === f.name ? type.unit(variant.handler.value) : arktypeDefinition(f.type);
          const key = variant.required.has(f.name) || variant.handler?.field === f.name ? f.name : `${f.name}?`;
          return [key, t];
        }),
      ) as any,
    ).onUndeclaredKey('reject'),
  );
  return members.reduce((union: any, member: any) => union.or(member)) as any;
}
