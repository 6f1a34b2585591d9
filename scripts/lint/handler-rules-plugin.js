// @ts-check
/**
 * Redocly plugin `sip`: lint rules that keep the handler rules of the spec honest.
 *
 * The handler rules ("when call_handler is X, field Y is required") are written as `allOf`
 * branches of `if`/`then` in a schema that also declares `properties.call_handler`. JSON Schema
 * accepts many subtly wrong encodings of that idea (an `if` without `required` is vacuously
 * true; a typo in `then.required` names a field that does not exist), and every tool built from
 * the spec trusts the encoding. These rules reject the wrong encodings at lint time, pointing
 * at the file and line of the mistake.
 *
 * Plain JavaScript (checked by tsc through @ts-check) so that `npx redocly lint` loads it
 * without a TypeScript loader.
 */

/** @typedef {{ type?: unknown, enum?: unknown[], const?: unknown, required?: unknown, properties?: Record<string, any>, allOf?: any[], anyOf?: any[], if?: any, then?: any, $ref?: string }} Schema */
/** @typedef {{ report(problem: { message: string, location?: any }): void, location: { child(path: (string | number)[]): any }, resolve(node: any): { node: any } }} RuleContext */

/** The property the handler rules switch on. */
const DISCRIMINATOR = 'call_handler';

/**
 * The `allOf` branches of a schema that carry an `if`, with their index.
 * @param {Schema} schema
 * @returns {{ branch: any, index: number }[]}
 */
function handlerRuleBranches(schema) {
  if (!Array.isArray(schema.allOf)) return [];
  return schema.allOf
    .map((branch, index) => ({ branch, index }))
    .filter(({ branch }) => branch && typeof branch === 'object' && 'if' in branch);
}

/**
 * The handler a branch's `if` pins, or undefined when it pins none.
 * @param {any} branch
 * @returns {string | undefined}
 */
function pinnedHandler(branch) {
  const value = branch?.if?.properties?.[DISCRIMINATOR]?.const;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The field-name lists a `then` requires: `then.required`, and each `then.anyOf[k].required`
 * (an either-or rule such as "call_relay_topic or call_relay_application").
 * @param {any} then
 * @returns {{ names: unknown[], path: (string | number)[] }[]}
 */
function requiredLists(then) {
  /** @type {{ names: unknown[], path: (string | number)[] }[]} */
  const lists = [];
  if (!then || typeof then !== 'object') return lists;
  if (Array.isArray(then.required)) lists.push({ names: then.required, path: ['required'] });
  if (Array.isArray(then.anyOf)) {
    then.anyOf.forEach((/** @type {any} */ alternative, /** @type {number} */ k) => {
      if (Array.isArray(alternative?.required)) {
        lists.push({ names: alternative.required, path: ['anyOf', k, 'required'] });
      }
    });
  }
  return lists;
}

/** Every `if` branch must require `call_handler` and pin it with `const`. */
function HandlerRulePinsCallHandler() {
  return {
    Schema: {
      /** @param {Schema} schema @param {RuleContext} ctx */
      enter(schema, ctx) {
        for (const { branch, index } of handlerRuleBranches(schema)) {
          const required = branch.if?.required;
          if (!Array.isArray(required) || !required.includes(DISCRIMINATOR)) {
            ctx.report({
              message: `Handler rule allOf[${index}]: its "if" must list "${DISCRIMINATOR}" in "required", or it also matches bodies without ${DISCRIMINATOR}.`,
              location: ctx.location.child(['allOf', index, 'if']),
            });
          }
          if (pinnedHandler(branch) === undefined) {
            ctx.report({
              message: `Handler rule allOf[${index}]: its "if" must pin ${DISCRIMINATOR} with a string "const".`,
              location: ctx.location.child(['allOf', index, 'if']),
            });
          }
          if (!branch.then || typeof branch.then !== 'object') {
            ctx.report({
              message: `Handler rule allOf[${index}]: it needs a "then" saying what the handler requires.`,
              location: ctx.location.child(['allOf', index]),
            });
          }
        }
      },
    },
  };
}

/** Every value of the call_handler enum has exactly one rule, and every rule names a known value. */
function HandlerHasOneRule() {
  return {
    Schema: {
      /** @param {Schema} schema @param {RuleContext} ctx */
      enter(schema, ctx) {
        const branches = handlerRuleBranches(schema);
        if (branches.length === 0) return;
        const property = schema.properties?.[DISCRIMINATOR];
        if (!property) {
          ctx.report({
            message: `A schema with handler rules must declare "${DISCRIMINATOR}" in its properties.`,
            location: ctx.location.child(['allOf']),
          });
          return;
        }
        const handlerSchema = property.$ref ? ctx.resolve(property).node : property;
        const handlers = Array.isArray(handlerSchema?.enum) ? handlerSchema.enum : [];
        /** @type {Map<string, number>} */
        const firstRuleFor = new Map();
        for (const { branch, index } of branches) {
          const handler = pinnedHandler(branch);
          if (handler === undefined) continue;
          if (!handlers.includes(handler)) {
            ctx.report({
              message: `Handler rule allOf[${index}] is for "${handler}", which is not a value of ${DISCRIMINATOR} (${handlers.join(', ')}).`,
              location: ctx.location.child(['allOf', index, 'if', 'properties', DISCRIMINATOR, 'const']),
            });
          } else if (firstRuleFor.has(handler)) {
            ctx.report({
              message: `"${handler}" has a second handler rule at allOf[${index}]; the first is allOf[${firstRuleFor.get(handler)}]. Each handler needs exactly one.`,
              location: ctx.location.child(['allOf', index, 'if', 'properties', DISCRIMINATOR, 'const']),
            });
          } else {
            firstRuleFor.set(handler, index);
          }
        }
        for (const handler of handlers) {
          if (!firstRuleFor.has(handler)) {
            ctx.report({
              message: `"${handler}" has no handler rule. Add an allOf branch for it (with "then: {required: []}" if it needs no field).`,
              location: ctx.location.child(['allOf']),
            });
          }
        }
      },
    },
  };
}

/** Every field a handler rule requires is one of the schema's properties. */
function HandlerRuleFieldsExist() {
  return {
    Schema: {
      /** @param {Schema} schema @param {RuleContext} ctx */
      enter(schema, ctx) {
        const properties = schema.properties ?? {};
        for (const { branch, index } of handlerRuleBranches(schema)) {
          for (const { names, path } of requiredLists(branch.then)) {
            names.forEach((name, position) => {
              if (typeof name !== 'string' || !Object.hasOwn(properties, name)) {
                ctx.report({
                  message: `Handler rule allOf[${index}] requires "${String(name)}", which is not a property of this schema.`,
                  location: ctx.location.child(['allOf', index, 'then', ...path, position]),
                });
              }
            });
          }
        }
      },
    },
  };
}

export default function handlerRulesPlugin() {
  return {
    id: 'sip',
    rules: {
      oas3: {
        'handler-has-one-rule': HandlerHasOneRule,
        'handler-rule-pins-call-handler': HandlerRulePinsCallHandler,
        'handler-rule-fields-exist': HandlerRuleFieldsExist,
      },
    },
  };
}
