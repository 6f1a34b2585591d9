/** The request bodies of the docs' spec copy (scripts/emit/docs-request-bodies.ts); how Redoc renders them is checked in test/browser. */
import { describe, expect, it } from 'vitest';
import { showBodiesPerHandler } from '../../scripts/emit/docs-request-bodies.ts';
import { objectSchema } from '../../scripts/model/read-model.ts';
import { readBundledModel } from '../support/repo.ts';

const { spec, model } = await readBundledModel();
const withRules = model.operations.filter((op) => op.requestBody && objectSchema(model, op.requestBody.schema).handlerRules.length > 0);

describe('bodies with handler rules in the docs', () => {
  it('write the shared fields once, as a component, and each variant as that component plus its discriminator value and required fields', () => {
    expect(withRules.length).toBeGreaterThan(0);
    const copy = structuredClone(spec);
    showBodiesPerHandler(copy, model);
    for (const operation of withRules) {
      const schema = objectSchema(model, operation.requestBody!.schema);
      const [rules] = schema.handlerRules;
      const variants: any[] = copy.paths[operation.path][operation.method].requestBody.content['application/json'].schema.oneOf;
      const sharedRefs = new Set(variants.map((v) => v.allOf.at(-1).$ref));
      expect(sharedRefs.size, operation.operationId).toBe(1);
      const [sharedRef] = sharedRefs;
      const shared = copy.components.schemas[sharedRef!.replace('#/components/schemas/', '')];
      expect(Object.keys(shared.properties)).toEqual(schema.fields.map((f) => f.name).filter((name) => name !== rules!.discriminator));
      expect(shared.required).toEqual(schema.fields.filter((f) => f.required && f.name !== rules!.discriminator).map((f) => f.name));
      const handlerValues = variants.slice(0, -1).map((v) => v.allOf[0].properties[rules!.discriminator].const);
      expect(new Set(handlerValues)).toEqual(new Set(rules!.rules.map((rule) => rule.handler)));
      for (const variant of variants.slice(0, -1)) {
        expect(Object.keys(variant.allOf[0].properties)).toEqual([rules!.discriminator]);
        expect(variant.allOf[0].required[0]).toBe(rules!.discriminator);
      }
      expect(variants.at(-1).allOf).toEqual([{ $ref: sharedRef }]);
    }
  });

  it('never replaces a component schema the spec has, even one named as the shared fields would be', () => {
    const copy = structuredClone(spec);
    const name = `${objectSchema(model, withRules[0]!.requestBody!.schema).name}SharedFields`;
    const taken = { type: 'string', description: 'already in the spec' };
    copy.components.schemas[name] = structuredClone(taken);
    const before = structuredClone(copy.components.schemas);
    showBodiesPerHandler(copy, model);
    for (const [key, schema] of Object.entries(before)) expect(copy.components.schemas[key], key).toEqual(schema);
    expect(copy.components.schemas[name]).toEqual(taken);
  });
});
