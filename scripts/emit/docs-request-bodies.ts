/**
 * Request bodies with handler rules, as the docs show them: one variant per handler value.
 *
 * Redoc renders the rules' `if`/`then` branches as anonymous cases that mark the
 * discriminator required with the first handler's value, which reads as if every body needed
 * it. In the docs' copy of the spec, such a body becomes a `oneOf` of plain objects, made from
 * the model: one per handler (one per alternative when a handler accepts several sets of
 * fields), each with the discriminator fixed to that value and the fields it requires marked
 * required, plus one without the discriminator. Properties point back at their definitions in
 * the bundle, so descriptions and types are the spec's own.
 */
import { objectSchema } from '../model/read-model.ts';
import type { ApiModel, HandlerRulesModel, ObjectModel } from '../model/types.ts';

interface BodyVariant {
  title: string;
  description?: string;
  type: 'object';
  required: string[];
  properties: Record<string, unknown>;
  additionalProperties: false;
}

function titleOf(discriminator: string, handler: string, alternative: readonly string[], alternatives: number): string {
  return alternatives > 1 ? `${discriminator}: ${handler} (with ${alternative.join(' and ')})` : `${discriminator}: ${handler}`;
}

/** The variants of one object schema with handler rules, in handler order, then the one without. */
export function handlerVariants(schema: ObjectModel, rules: HandlerRulesModel): BodyVariant[] {
  const baseRequired = schema.fields.filter((f) => f.required).map((f) => f.name);
  const properties = (discriminatorValue?: string): Record<string, unknown> =>
    Object.fromEntries(
      schema.fields.flatMap((field): [string, unknown][] => {
        if (field.name !== rules.discriminator) return [[field.name, { $ref: field.pointer }]];
        if (discriminatorValue === undefined) return [];
        return [[field.name, { type: 'string', const: discriminatorValue, description: field.description }]];
      }),
    );
  const variants = rules.rules.flatMap((rule) =>
    (rule.alternatives.length === 0 ? [[]] : rule.alternatives).map((alternative) => ({
      title: titleOf(rules.discriminator, rule.handler, alternative, rule.alternatives.length),
      ...(rule.description && { description: rule.description }),
      type: 'object' as const,
      required: [...new Set([...baseRequired, rules.discriminator, ...alternative])],
      properties: properties(rule.handler),
      additionalProperties: false as const,
    })),
  );
  return [
    ...variants,
    {
      title: `without ${rules.discriminator}`,
      description: `No \`${rules.discriminator}\`: no handler field is required.`,
      type: 'object',
      required: baseRequired,
      properties: properties(),
      additionalProperties: false,
    },
  ];
}

/** Replaces, in `docsSpec` (a copy), each JSON request body whose schema has handler rules. */
export function showBodiesPerHandler(docsSpec: Record<string, any>, model: ApiModel): void {
  for (const operation of model.operations) {
    if (!operation.requestBody) continue;
    const schema = objectSchema(model, operation.requestBody.schema);
    // With several discriminators the variants would be their product, too many to read: the
    // first set gives the variants, and the handler-rules tables show every set.
    const [rules] = schema.handlerRules;
    if (!rules) continue;
    const media = docsSpec.paths[operation.path][operation.method].requestBody.content['application/json'];
    media.schema = { title: schema.name, description: schema.description, oneOf: handlerVariants(schema, rules) };
  }
}
