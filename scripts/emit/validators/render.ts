/**
 * The generated module's text: imports, module constants, the check and test functions, and
 * for every schema of the spec its Standard Schema object, `isX` and `assertX`. Everything is
 * written as text by `CodeWriter` and joined once, so the cost grows with the size of the output.
 */
import type { ApiModel, EnumModel } from '../../model/types.ts';
import { generatedHeader } from '../header.ts';
import { CodeWriter } from './code-writer.ts';
import { rulesTable, subjectOf, writeFieldGroup, writeObjectCheck, writeRuleFinder, writeValueTestFunction } from './checks.ts';
import { stringArrayLiteral, stringLiteral } from './literals.ts';
import { ModuleParts, RUNTIME_FUNCTIONS } from './module-parts.ts';
import { ModuleNames, ownGroup, planGroups, publicSchemaNames, reachableSchemas } from './plan.ts';

/** What the module imports from the Standard Schema wrapper of the runtime. */
const WRAPPER_FUNCTIONS = ['assertValid', 'defineEnum', 'defineSchema'];
/**
 * The name the runtime's `FAILED` is imported under; the module binds it to a constant `FAILED`
 * of its own. The checks return it at every failed test, and V8 reads a module's own constant
 * as a fixed value, while it reads an imported binding anew at each use.
 */
const FAILED_IMPORT = 'RUNTIME_FAILED';
/** Names the module declares or imports whatever the spec: no generated name may take them. */
const RESERVED = [...Object.values(RUNTIME_FUNCTIONS).flat(), FAILED_IMPORT, ...WRAPPER_FUNCTIONS, 'SipEndpointsSchema', 'IssuePath', 'Issues'];

/** The module these names live in, for naming errors. */
const VALIDATORS_MODULE = 'packages/validators/src/generated/validators.ts';

export function renderValidators(model: ApiModel, specHash: string, generator = 'scripts/emit/validators.ts'): string {
  const publicNames = publicSchemaNames(model);
  const schemas = reachableSchemas(model, publicNames.filter((name) => model.schemas.some((s) => s.name === name && s.kind === 'object')));
  const enums = model.schemas.filter((s): s is EnumModel => s.kind === 'enum' && publicNames.includes(s.name));
  const { groups, groupOf } = planGroups(schemas);

  const names = new ModuleNames(VALIDATORS_MODULE, Object.fromEntries(RESERVED.map((name) => [name, `the runtime's ${name}`])));
  const exported = publicNames.map((name) => ({
    name: names.validator.schema(name),
    is: names.validator.guard(name),
    assert: names.validator.assertion(name),
    type: names.validator.importedType(name),
  }));
  const checks = new Map(schemas.map((schema) => [schema.name, names.validator.check(schema.name)]));
  // Two groups may have the same owner (one schema's fields under different rules): the second gets a free name.
  const owners = new Set<string>();
  const groupChecks = new Map(
    groups.map((group) => {
      const first = !owners.has(group.owner);
      owners.add(group.owner);
      return [group, first ? names.validator.fieldsCheck(group.owner) : names.fresh(`checkFieldsOf${group.owner}`)] as const;
    }),
  );
  // The module's own names come after every name of the naming module, so they cannot take one.
  const parts = new ModuleParts(names, checks);
  const groupFunctions = new Map(
    groups.map((group) => {
      const rules = group.handlerRules.map((discriminator) => ({ finder: names.fresh(`brokenRuleOf${group.owner}`), table: rulesTable(parts, group, discriminator) }));
      return [group, { fields: groupChecks.get(group)!, rules }] as const;
    }),
  );

  // Functions first: writing them records which constants and runtime functions they use.
  const functions = new CodeWriter();
  for (const group of groups) {
    const { fields, rules } = groupFunctions.get(group)!;
    writeFieldGroup(functions, parts, group, fields, rules);
    functions.line();
    group.handlerRules.forEach((discriminator, i) => {
      writeRuleFinder(functions, parts, group, discriminator, rules[i]!.finder);
      functions.line();
    });
  }
  for (const schema of schemas) {
    const group = groupOf.get(schema.name)!;
    writeObjectCheck(functions, parts, { ...schema, title: `a ${schema.name}`, nameHint: schema.name }, checks.get(schema.name)!, groupFunctions.get(group)!, group);
    functions.line();
  }
  // A named enum's validators are its list of values, which the runtime checks.
  const enumValues = new Map(enums.map((schema) => [schema.name, parts.enumValues(schema.name, schema.values, `${schema.pointer}/enum`)]));
  // Inline objects and union members, asked for by the checks above (and by each other).
  for (let pending = parts.pending.shift(); pending; pending = parts.pending.shift()) {
    if (pending.kind === 'value') {
      writeValueTestFunction(functions, parts, pending.type, pending.name, pending.nameHint);
    } else {
      const group = ownGroup(pending.nameHint, pending.type);
      const object = { ...pending.type, title: `the object ${pending.nameHint}`, nameHint: pending.nameHint };
      const fieldsCheck = names.fresh(`${pending.name}Fields`);
      writeFieldGroup(functions, parts, group, fieldsCheck);
      functions.line();
      writeObjectCheck(functions, parts, object, pending.name, { fields: fieldsCheck, rules: [] }, group);
    }
    functions.line();
  }

  const out = new CodeWriter();
  if (exported.length > 0) {
    out.line(`import type { ${exported.map((e) => `${e.name} as ${e.type}`).join(', ')} } from '@sip-endpoints/types';`);
  }
  out.line("import type { IssuePath, Issues } from '../runtime/issue.ts';");
  // Names that need quoting in a path are declared to the runtime once (see `quoteNames` in
  // src/runtime/report.ts); a spec without any emits nothing.
  const quotedNames = [...new Set(schemas.flatMap((schema) => schema.fields.map((f) => f.name)))].filter((name) => subjectOf(name) !== name);
  if (quotedNames.length > 0) parts.runtime('quoteNames');
  const imports = parts.imports();
  for (const [module, used] of imports) {
    out.line(`import { ${used.map((name) => (name === 'FAILED' ? `FAILED as ${FAILED_IMPORT}` : name)).join(', ')} } from '${module}';`);
  }
  const wrappers = WRAPPER_FUNCTIONS.filter((name) => name !== 'defineEnum' || enums.length > 0);
  out.line(`import { ${wrappers.join(', ')}, type SipEndpointsSchema } from '../runtime/standard-schema.ts';`);
  out.line();
  if (quotedNames.length > 0) {
    out.line('// Property names that a path writes quoted, declared to the runtime once.');
    out.line(`quoteNames(${stringArrayLiteral(quotedNames)});`);
  }
  if (imports.some(([, used]) => used.includes('FAILED'))) {
    out.line("// The runtime's FAILED as a constant of this module, which V8 reads as a fixed value (an import is read anew at each use).");
    out.line(`const FAILED = ${FAILED_IMPORT};`);
  }
  for (const declaration of parts.declarations()) out.line(declaration);
  out.line();

  const exports = new CodeWriter();
  for (const { name, is, assert, type } of exported) {
    const values = enumValues.get(name);
    exports.line(`/** The type of a valid ${name}, from @sip-endpoints/types. */`);
    exports.line(`export type ${name} = ${type};`);
    exports.line(`/** Validates a ${name} (Standard Schema v1): \`${name}['~standard'].validate(value)\` returns \`{ value }\` or \`{ issues }\`. */`);
    if (values !== undefined) {
      const pointer = stringLiteral(`${enums.find((e) => e.name === name)!.pointer}/enum`);
      exports.line(`export const ${name}: SipEndpointsSchema<${name}> = defineEnum<${name}>(${stringLiteral(name)}, ${values}, ${pointer});`);
      exports.line(`/** Whether \`value\` is a ${name}: one of its values. */`);
      exports.block(`export function ${is}(value: unknown): value is ${name}`, () => exports.line(`return ${values}.includes(value as string);`));
    } else {
      exports.line(`export const ${name}: SipEndpointsSchema<${name}> = defineSchema<${name}>(${stringLiteral(name)}, ${checks.get(name)!});`);
      exports.line(`/** Whether \`value\` is a valid ${name}; stops at the first problem and builds no issue. */`);
      exports.block(`export function ${is}(value: unknown): value is ${name}`, () => {
        // Whatever the value throws while it is read (a getter, a revoked proxy) makes it invalid.
        exports.block('try', () => exports.line(`return ${checks.get(name)!}(value) === undefined;`), '} catch {');
        exports.indented(() => exports.line('return false;'));
        exports.line('}');
      });
    }
    exports.line(`/** Throws a \`ValidationError\` listing every issue unless \`value\` is a valid ${name}. */`);
    exports.block(`export function ${assert}(value: unknown): asserts value is ${name}`, () => exports.line(`assertValid(${name}, value);`));
    exports.line();
  }

  return `${generatedHeader(generator, specHash)}\n${out.toString()}${functions.toString()}${exports.toString()}`.replace(/\n+$/, '\n');
}
