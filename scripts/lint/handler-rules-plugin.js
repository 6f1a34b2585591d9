// @ts-check
/**
 * Redocly plugin `handler-rules`: lint rules that keep the handler rules of the spec honest.
 *
 * The handler rules ("when the discriminator is X, field Y is required") are written as `allOf`
 * branches of `if: {required: [P], properties: {P: {const: X}}}` / `then` in a schema that also
 * declares the enum property P (the discriminator). A schema may switch on several
 * discriminators; each is read from the spec, none is named here. JSON Schema
 * accepts many subtly wrong encodings of that idea (an `if` without `required` is vacuously
 * true; a typo in `then.required` names a field that does not exist), and every tool built from
 * the spec trusts the encoding. These rules reject the wrong encodings at lint time, pointing
 * at the file and line of the mistake.
 *
 * Plain JavaScript (checked by tsc through @ts-check) so that `npx redocly lint` loads it
 * without a TypeScript loader.
 */

/** @typedef {{ type?: unknown, enum?: unknown[], const?: unknown, required?: unknown, properties?: Record<string, any>, allOf?: any[], anyOf?: any[], if?: any, then?: any, $ref?: string }} Schema */
/** @typedef {{ report(problem: { message: string, location?: any }): void, location: { source: { absoluteRef: string }, child(path: (string | number)[]): any }, resolve(node: any, from?: string): { node: any, location?: { source: { absoluteRef: string } } } }} RuleContext */

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
 * The property a branch's `if` switches on (its discriminator): the only property its `if`
 * names. Undefined when the `if` names none or several, which HandlerRulePinsDiscriminator reports.
 * @param {any} branch
 * @returns {string | undefined}
 */
function discriminatorOf(branch) {
  const properties = branch?.if?.properties;
  if (!properties || typeof properties !== 'object') return undefined;
  const names = Object.keys(properties);
  return names.length === 1 ? names[0] : undefined;
}

/**
 * The value a branch's `if` pins its discriminator to, or undefined when it pins none.
 * @param {any} branch
 * @returns {string | undefined}
 */
function pinnedHandler(branch) {
  const discriminator = discriminatorOf(branch);
  const value = discriminator === undefined ? undefined : branch.if.properties[discriminator]?.const;
  return typeof value === 'string' ? value : undefined;
}

/**
 * The properties a schema declares itself and through the `$ref`s of its `allOf` (as the model
 * reads them: a rule may name a field a schema inherits), each with the file it is written in,
 * against which its own `$ref` resolves.
 * @param {Schema} schema
 * @param {RuleContext} ctx
 * @param {string} from the absolute reference of the file `schema` is written in
 * @param {Set<unknown>} [seen] schemas already visited, against `allOf` cycles
 * @returns {Map<string, { node: any, from: string }>}
 */
function declaredProperties(schema, ctx, from, seen = new Set()) {
  /** @type {Map<string, { node: any, from: string }>} */
  const properties = new Map();
  if (!schema || typeof schema !== 'object' || seen.has(schema)) return properties;
  seen.add(schema);
  for (const member of Array.isArray(schema.allOf) ? schema.allOf : []) {
    if (!member || typeof member.$ref !== 'string') continue;
    const resolved = ctx.resolve(member, from);
    const memberFrom = resolved.location?.source.absoluteRef ?? from;
    for (const [name, property] of declaredProperties(resolved.node, ctx, memberFrom, seen)) properties.set(name, property);
  }
  for (const [name, node] of Object.entries(schema.properties ?? {})) properties.set(name, { node, from });
  return properties;
}

/**
 * The field-name lists a `then` requires: `then.required`, and each `then.anyOf[k].required`
 * (an either-or rule: "field a, or field b in its place").
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

/**
 * Every `if` branch names one property (its discriminator), requires it and pins it with
 * `const`. The discriminator is whatever property the spec switches on; a schema may switch on
 * several.
 */
function HandlerRulePinsDiscriminator() {
  return {
    Schema: {
      /** @param {Schema} schema @param {RuleContext} ctx */
      enter(schema, ctx) {
        for (const { branch, index } of handlerRuleBranches(schema)) {
          const discriminator = discriminatorOf(branch);
          if (discriminator === undefined) {
            ctx.report({
              message: `Handler rule allOf[${index}]: its "if" must name exactly one property (the one the rules switch on) in "properties".`,
              location: ctx.location.child(['allOf', index, 'if']),
            });
          } else {
            const required = branch.if?.required;
            if (!Array.isArray(required) || !required.includes(discriminator)) {
              ctx.report({
                message: `Handler rule allOf[${index}]: its "if" must list "${discriminator}" in "required", or it also matches bodies without ${discriminator}.`,
                location: ctx.location.child(['allOf', index, 'if']),
              });
            }
            if (pinnedHandler(branch) === undefined) {
              ctx.report({
                message: `Handler rule allOf[${index}]: its "if" must pin ${discriminator} with a string "const".`,
                location: ctx.location.child(['allOf', index, 'if']),
              });
            }
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

/**
 * For each discriminator a schema's rules switch on: every value of its enum has exactly one
 * rule, and every rule names a known value.
 */
function HandlerHasOneRule() {
  return {
    Schema: {
      /** @param {Schema} schema @param {RuleContext} ctx */
      enter(schema, ctx) {
        /** @type {Map<string, { branch: any, index: number }[]>} */
        const byDiscriminator = new Map();
        for (const entry of handlerRuleBranches(schema)) {
          const discriminator = discriminatorOf(entry.branch);
          if (discriminator === undefined || pinnedHandler(entry.branch) === undefined) continue;
          byDiscriminator.set(discriminator, [...(byDiscriminator.get(discriminator) ?? []), entry]);
        }
        for (const [discriminator, branches] of byDiscriminator) {
          checkOneRulePerValue(schema, ctx, discriminator, branches);
        }
      },
    },
  };
}

/**
 * @param {Schema} schema
 * @param {RuleContext} ctx
 * @param {string} discriminator
 * @param {{ branch: any, index: number }[]} branches
 */
function checkOneRulePerValue(schema, ctx, discriminator, branches) {
  const property = declaredProperties(schema, ctx, ctx.location.source.absoluteRef).get(discriminator);
  if (!property) {
    ctx.report({
      message: `A schema with handler rules on "${discriminator}" must declare "${discriminator}" in its properties.`,
      location: ctx.location.child(['allOf', branches[0]?.index ?? 0, 'if', 'properties', discriminator]),
    });
    return;
  }
  const handlerSchema = property.node?.$ref ? ctx.resolve(property.node, property.from).node : property.node;
  const handlers = Array.isArray(handlerSchema?.enum) ? handlerSchema.enum : [];
  if (handlers.length === 0) {
    ctx.report({
      message: `"${discriminator}" has handler rules, so it must be a string enum (its values are what the rules switch on).`,
      location: ctx.location.child(['properties', discriminator]),
    });
    return;
  }
  /** @type {Map<string, number>} */
  const firstRuleFor = new Map();
  for (const { branch, index } of branches) {
    const handler = /** @type {string} */ (pinnedHandler(branch));
    const at = ctx.location.child(['allOf', index, 'if', 'properties', discriminator, 'const']);
    if (!handlers.includes(handler)) {
      ctx.report({ message: `Handler rule allOf[${index}] is for "${handler}", which is not a value of ${discriminator} (${handlers.join(', ')}).`, location: at });
    } else if (firstRuleFor.has(handler)) {
      ctx.report({
        message: `"${handler}" has a second handler rule at allOf[${index}]; the first is allOf[${firstRuleFor.get(handler)}]. Each value of ${discriminator} needs exactly one.`,
        location: at,
      });
    } else {
      firstRuleFor.set(handler, index);
    }
  }
  for (const handler of handlers) {
    if (!firstRuleFor.has(handler)) {
      ctx.report({
        message: `"${handler}" has no handler rule for ${discriminator}. Add an allOf branch for it (with "then: {required: []}" if it needs no field).`,
        location: ctx.location.child(['allOf']),
      });
    }
  }
}

/** Every field a handler rule requires is one of the schema's properties. */
function HandlerRuleFieldsExist() {
  return {
    Schema: {
      /** @param {Schema} schema @param {RuleContext} ctx */
      enter(schema, ctx) {
        const branches = handlerRuleBranches(schema);
        if (branches.length === 0) return;
        const properties = declaredProperties(schema, ctx, ctx.location.source.absoluteRef);
        for (const { branch, index } of branches) {
          for (const { names, path } of requiredLists(branch.then)) {
            names.forEach((name, position) => {
              if (typeof name !== 'string' || !properties.has(name)) {
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
    id: 'handler-rules',
    rules: {
      oas3: {
        'handler-has-one-rule': HandlerHasOneRule,
        'handler-rule-pins-discriminator': HandlerRulePinsDiscriminator,
        'handler-rule-fields-exist': HandlerRuleFieldsExist,
      },
    },
  };
}
