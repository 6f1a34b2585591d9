/**
 * Request bodies with handler rules, as the docs show them: one variant per handler value.
 *
 * Redoc renders the rules' `if`/`then` branches as anonymous cases that mark the
 * discriminator required with the first handler's value, which reads as if every body needed
 * it. In the docs' copy of the spec, such a body becomes a `oneOf` made from the model: one
 * variant per handler (one per alternative when a handler accepts several sets of fields),
 * each with the discriminator fixed to that value and the fields it requires marked required,
 * plus one without the discriminator.
 *
 * The fields every variant shares are written once, as a docs-only component schema, and each
 * variant is that component plus what sets it apart (`allOf`): a body of many fields with many
 * handlers stays small, and so do the page and Redoc's work to build it. Properties point back
 * at their definitions in the bundle, so descriptions and types are the spec's own.
 */
import { objectSchema, SCHEMA_PREFIX } from '../model/read-model.ts';
import type { ApiModel, HandlerRulesModel, ObjectModel } from '../model/types.ts';

/** The docs-only schema every variant of one body builds on: its fields but the discriminator. */
export interface SharedFields {
  type: 'object';
  required: string[];
  properties: Record<string, unknown>;
  additionalProperties: false;
}

interface BodyVariant {
  title: string;
  description?: string;
  allOf: unknown[];
}

function titleOf(discriminator: string, handler: string, alternative: readonly string[], alternatives: number): string {
  return alternatives > 1 ? `${discriminator}: ${handler} (with ${alternative.join(' and ')})` : `${discriminator}: ${handler}`;
}

/** The fields of `schema` that every variant shows, with the ones it always requires. */
export function sharedFields(schema: ObjectModel, rules: HandlerRulesModel): SharedFields {
  const others = schema.fields.filter((field) => field.name !== rules.discriminator);
  return {
    type: 'object',
    required: others.filter((f) => f.required).map((f) => f.name),
    properties: Object.fromEntries(others.map((field) => [field.name, { $ref: field.pointer }])),
    additionalProperties: false,
  };
}

/**
 * The variants of one object schema with handler rules, in handler order, then the one
 * without; `sharedRef` points at its `sharedFields`.
 */
export function handlerVariants(schema: ObjectModel, rules: HandlerRulesModel, sharedRef: string): BodyVariant[] {
  const discriminator = schema.fields.find((field) => field.name === rules.discriminator);
  const variants = rules.rules.flatMap((rule) =>
    (rule.alternatives.length === 0 ? [[]] : rule.alternatives).map((alternative) => ({
      title: titleOf(rules.discriminator, rule.handler, alternative, rule.alternatives.length),
      ...(rule.description && { description: rule.description }),
      allOf: [
        {
          type: 'object',
          required: [...new Set([rules.discriminator, ...alternative])],
          properties: { [rules.discriminator]: { type: 'string', const: rule.handler, description: discriminator?.description } },
        },
        { $ref: sharedRef },
      ],
    })),
  );
  return [
    ...variants,
    {
      title: `without ${rules.discriminator}`,
      description: `No \`${rules.discriminator}\`: no handler field is required.`,
      allOf: [{ $ref: sharedRef }],
    },
  ];
}

/** A component name not taken in `schemas`, for the docs-only shared fields of `name`. */
function freeName(schemas: Record<string, unknown>, name: string): string {
  const base = `${name}SharedFields`;
  let candidate = base;
  for (let n = 2; candidate in schemas; n++) candidate = `${base}${n}`;
  return candidate;
}

/** Replaces, in `docsSpec` (a copy), each JSON request body whose schema has handler rules. */
export function showBodiesPerHandler(docsSpec: Record<string, any>, model: ApiModel): void {
  const sharedRefs = new Map<string, string>();
  for (const operation of model.operations) {
    if (!operation.requestBody) continue;
    const schema = objectSchema(model, operation.requestBody.schema);
    // With several discriminators the variants would be their product, too many to read: the
    // first set gives the variants, and the handler-rules tables show every set.
    const [rules] = schema.handlerRules;
    if (!rules) continue;
    let sharedRef = sharedRefs.get(schema.pointer);
    if (sharedRef === undefined) {
      docsSpec.components ??= {};
      docsSpec.components.schemas ??= {};
      const name = freeName(docsSpec.components.schemas, schema.name);
      docsSpec.components.schemas[name] = sharedFields(schema, rules);
      sharedRef = `${SCHEMA_PREFIX}${name}`;
      sharedRefs.set(schema.pointer, sharedRef);
    }
    const media = docsSpec.paths[operation.path][operation.method].requestBody.content['application/json'];
    media.schema = { title: schema.name, description: schema.description, oneOf: handlerVariants(schema, rules, sharedRef) };
  }
}
