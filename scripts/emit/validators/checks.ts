/**
 * The check functions of the module, written from the model. Every object schema gets one,
 * `checkX(value, path?, issues?)`, which runs in two ways:
 *
 * - with a `path`, the full check behind `validate` and `assertX`: every issue, with its
 *   path, message and spec pointer;
 * - without one, the test behind `isX` (and run first by `validate`): it returns the runtime's
 *   `FAILED` at the first problem and builds nothing. Its checks are ordered cheapest first: the
 *   type, the handler rules (which decide most rejections, in a small function of their own) and
 *   the required fields, a few reads by name, before the one pass over the keys.
 *
 * One function for both keeps the module small: each field's test guards its report, so every
 * field's check is written once.
 *
 * Their shape is chosen for speed and for messages:
 * - each object is one `for...in` over its keys: a present field is checked where it is found,
 *   an unknown key is reported (in strict schemas), and absent fields cost nothing;
 * - a schema with few fields finds a key's check with a `switch` on the key; one with many
 *   switches first on the key's length, then (for lengths many names share) on the character
 *   that best tells them apart, then on the few names left (for very many, each group of names
 *   in a small function, so no function is too big to optimise);
 * - fields whose checks are the same code share one `case` (the check reads the field's name
 *   from the key it was found under), which keeps the package small;
 * - handler rules become one `switch` on the discriminator;
 * - closed enums are comparisons on string literals;
 * - nothing is allocated while a value is valid: issues start as `undefined`, and paths and
 *   messages are built only by the runtime, in the branch that reports a problem.
 */
import type { FieldModel, HandlerRule, HandlerRulesModel, IntegerType, NumberType, ObjectShape, TypeModel } from '../../model/types.ts';
import { CodeWriter } from './code-writer.ts';
import { isIdentifier, numberLiteral, propertyAccess, stringArrayLiteral, stringLiteral } from './literals.ts';
import type { ModuleParts } from './module-parts.ts';
import type { FieldGroup } from './plan.ts';

/**
 * Above this many fields, a key's check is found through its length and characters (small
 * integers, dense enough for a `switch` to become a jump table), then among the few names
 * left: one `switch` comparing a key with every name would cost more with every field.
 */
export const SWITCH_ON_NAMES_LIMIT = 32;
/**
 * Up to this many fields, the groups of names are `case`s of the one function; past it, each
 * group is a function of its own, so that no function grows too big for the JIT to optimise.
 */
export const INLINE_BUCKETS_LIMIT = 256;
/**
 * A group of names of one length is split on a character when it has more names than this:
 * comparing a key with a few names is cheaper than reading a character of it.
 */
export const NAMES_PER_GROUP = 8;

/** What a format asks for, in the words of the issue messages. */
const FORMAT_REASONS = {
  uri: 'must be an absolute URI, such as https://example.com/hook',
  uuid: 'must be a UUID, such as 0f5a7c4e-2b8d-4f61-9c3a-7e2d1b6a5f90',
  'date-time': 'must be a date-time with a time zone, such as 2024-05-01T12:00:00Z',
  email: 'must be an e-mail address',
} as const;
const FORMAT_TESTS = { uri: 'isUri', uuid: 'isUuid', 'date-time': 'isDateTime', email: 'isEmail' } as const;

/** A field's name in messages, as the runtime's `formatPath` writes it: `username`, `['odd key']`. */
export function subjectOf(name: string): string {
  return isIdentifier(name) && name.length <= 40 ? name : `[${quoteText(name)}]`;
}

/** A value in a message, as the runtime's `quote` writes it: `'default'`. */
function quoteText(text: string): string {
  return /[\\'\u0000-\u001f\u007f]/.test(text) ? `'${JSON.stringify(text).slice(1, -1).replace(/'/g, "\\'")}'` : `'${text}'`;
}

/**
 * The reason the runtime turns into a message (see `messageAt` in src/runtime/report.ts), as
 * code: " is required". The runtime writes the location in front, so the same few reasons
 * repeat throughout the module and compress well.
 */
function reasonLiteral(reason: string): string {
  return stringLiteral(` ${reason}`);
}

/** What a value of `type` is, in a message: "a string", "an integer or null". */
export function describeType(type: TypeModel): string {
  const base = ((): string => {
    switch (type.kind) {
      case 'string':
        return 'a string';
      case 'integer':
        return 'an integer';
      case 'number':
        return 'a number';
      case 'boolean':
        return 'a boolean';
      case 'null':
        return 'null';
      case 'const':
        return typeof type.value === 'string' ? quoteText(type.value) : String(type.value);
      case 'array':
        return 'an array';
      case 'object':
      case 'object-ref':
        return 'an object';
      case 'union':
        return [...new Set(type.members.map(describeType))].join(' or ');
    }
  })();
  return type.nullable && type.kind !== 'null' ? `${base} or null` : base;
}

/** One value to check, known not to be `undefined`. Every member but `type` is code. */
interface ValueCheck {
  type: TypeModel;
  /** The value. */
  value: string;
  /** The path of the object or array that holds the value (evaluated only to report). */
  parentPath: string;
  /** The value's key in its parent: a string literal, or a variable. */
  key: string;
  /** How many arrays deep the value is, for the names of loop variables. */
  depth: number;
  /**
   * The field's name when the value is (in) a field of the object being checked, found under
   * the variable `key`: its spec pointers are then written from the schema's properties
   * pointer and that variable, so that fields checked alike share their code.
   */
  fieldName?: string;
  /** Words for the constants and functions the check declares (a field's name, or the items'). */
  nameHint: string;
  /** True when the value is known to fail its test: a closed enum is then reported at once. */
  knownInvalid?: boolean;
}

/** Bounds of a number, as `[condition, code, reason]` for a value `v`. */
function numberBounds(type: NumberType | IntegerType, v: string): [string, 'too_small' | 'too_big' | 'not_multiple', string][] {
  const out: [string, 'too_small' | 'too_big' | 'not_multiple', string][] = [];
  if (type.minimum !== undefined) out.push([`${v} < ${numberLiteral(type.minimum)}`, 'too_small', `must be at least ${numberLiteral(type.minimum)}`]);
  if (type.exclusiveMinimum !== undefined) out.push([`${v} <= ${numberLiteral(type.exclusiveMinimum)}`, 'too_small', `must be greater than ${numberLiteral(type.exclusiveMinimum)}`]);
  if (type.maximum !== undefined) out.push([`${v} > ${numberLiteral(type.maximum)}`, 'too_big', `must be at most ${numberLiteral(type.maximum)}`]);
  if (type.exclusiveMaximum !== undefined) out.push([`${v} >= ${numberLiteral(type.exclusiveMaximum)}`, 'too_big', `must be less than ${numberLiteral(type.exclusiveMaximum)}`]);
  if (type.multipleOf !== undefined) {
    // Exactly Ajv's test: the quotient must read back as an integer.
    const quotient = `${v} / ${numberLiteral(type.multipleOf)}`;
    out.push([`${quotient} !== parseInt(String(${quotient}))`, 'not_multiple', `must be a multiple of ${numberLiteral(type.multipleOf)}`]);
  }
  return out;
}

export function writeValueCheck(w: CodeWriter, parts: ModuleParts, check: ValueCheck): void {
  const { type, value, parentPath, key } = check;
  const pointer = parts.pointer(type.pointer, check.fieldName);
  const nullGuard = type.nullable ? `${value} !== null` : '';
  const reportType = (): string => `issues = ${parts.runtime('wrongType')}(issues, ${parentPath}, ${key}, ${reasonLiteral(`must be ${describeType(type)}`)}, ${value}, ${pointer});`;
  const reportValue = (code: string, reason: string): string =>
    `issues = ${parts.runtime('invalidValue')}(issues, ${parentPath}, ${key}, '${code}', ${reasonLiteral(reason)}, ${pointer});`;
  /** A rule of a value of the right type: the condition under which it fails, and its report. */
  type Rule = [condition: string, statement: string];
  const report = (condition: string, code: string, reason: string): Rule => [condition, reportValue(code, reason)];
  const reportIf = (condition: string, code: string, reason: string): string => `if (${condition}) ${reportValue(code, reason)}`;
  /** `if (right type) { rules } else if (not null) { wrong type }`. */
  const typed = (isType: string, rules: Rule[]): void => {
    if (rules.length === 0) {
      // A value known to fail its test, when the type is all there is to check, has the wrong type.
      w.line(check.knownInvalid ? reportType() : `if (!(${isType})${nullGuard ? ` && ${nullGuard}` : ''}) ${reportType()}`);
      return;
    }
    // A value of the right type known to fail its test breaks its only rule: no need to test it again.
    const only = check.knownInvalid && rules.length === 1;
    w.line(`if (${isType}) {`).indented(() => rules.forEach(([condition, statement]) => w.line(only ? statement : `if (${condition}) ${statement}`)));
    w.line(`} else${nullGuard ? ` if (${nullGuard})` : ''} {`).indented(() => w.line(reportType()));
    w.line('}');
  };

  switch (type.kind) {
    case 'string': {
      if (type.enum && !type.enum.open) {
        const values = parts.enumValues(type.enum.name ?? check.nameHint, type.enum.values, type.enum.pointer);
        if (check.knownInvalid) {
          // The test let neither null nor any of the values through.
          w.line(`issues = ${parts.runtime('notInEnum')}(issues, ${parentPath}, ${key}, ${values}, ${type.nullable}, ${value}, ${stringLiteral(type.enum.pointer)});`);
          return;
        }
        w.block(`switch (${value})`, () => {
          for (const v of type.enum!.values) w.line(`case ${stringLiteral(v)}:`);
          w.indented(() => w.line('break;'));
          w.line('default:');
          const call = `issues = ${parts.runtime('notInEnum')}(issues, ${parentPath}, ${key}, ${values}, ${type.nullable}, ${value}, ${stringLiteral(type.enum!.pointer)});`;
          w.indented(() => w.line(nullGuard ? `if (${nullGuard}) ${call}` : call));
        });
        return;
      }
      // An open enum (responses) accepts any string: its values are for docs and autocompletion.
      const checks: Rule[] = [];
      if (type.minLength !== undefined) {
        const n = numberLiteral(type.minLength);
        // Fewer UTF-16 units than 2n means fewer code points than n only when counted.
        checks.push(report(`${value}.length < ${n} || (${value}.length < 2 * ${n} && ${parts.runtime('codePointLength')}(${value}) < ${n})`, 'too_small', `must be at least ${n} character(s) long`));
      }
      if (type.maxLength !== undefined) {
        const n = numberLiteral(type.maxLength);
        checks.push(report(`${value}.length > ${n} && ${parts.runtime('codePointLength')}(${value}) > ${n}`, 'too_big', `must be at most ${n} character(s) long`));
      }
      if (type.format !== undefined) {
        checks.push(report(`!${parts.runtime(FORMAT_TESTS[type.format])}(${value})`, 'invalid_format', FORMAT_REASONS[type.format]));
      }
      if (type.pattern !== undefined) {
        const reason = type.patternMessage ?? `does not match the pattern ${type.pattern}`;
        checks.push(report(parts.failsPattern(type.pattern, value, check.nameHint), 'pattern', reason));
      }
      typed(`typeof ${value} === 'string'`, checks);
      return;
    }
    case 'integer':
      // `typeof` first: Number.isInteger is no type guard, and the bounds compare a number.
      typed(`typeof ${value} === 'number' && Number.isInteger(${value})`, numberBounds(type, value).map(([condition, code, reason]) => report(condition, code, reason)));
      return;
    case 'number':
      typed(`typeof ${value} === 'number' && Number.isFinite(${value})`, numberBounds(type, value).map(([condition, code, reason]) => report(condition, code, reason)));
      return;
    case 'boolean':
      typed(`typeof ${value} === 'boolean'`, []);
      return;
    case 'null':
      w.line(check.knownInvalid ? reportType() : `if (${value} !== null) ${reportType()}`);
      return;
    case 'const': {
      const reason = `must be ${describeType(type)}`;
      w.line(check.knownInvalid ? reportValue('invalid_enum', reason) : reportIf(`${value} !== ${constLiteral(type.value)}${nullGuard ? ` && ${nullGuard}` : ''}`, 'invalid_enum', reason));
      return;
    }
    case 'array': {
      const index = `i${check.depth}`;
      const item = `item${check.depth}`;
      w.line(`if (Array.isArray(${value})) {`).indented(() => {
        if (type.minItems !== undefined) {
          const n = numberLiteral(type.minItems);
          w.line(reportIf(`${value}.length < ${n}`, 'too_small', `must be an array of at least ${n} item(s)`));
        }
        if (type.maxItems !== undefined) {
          const n = numberLiteral(type.maxItems);
          w.line(reportIf(`${value}.length > ${n}`, 'too_big', `must be an array of at most ${n} item(s)`));
        }
        w.block(`for (let ${index} = 0; ${index} < ${value}.length; ${index}++)`, () => {
          w.line(`const ${item}: unknown = ${value}[${index}];`);
          writeValueCheck(w, parts, {
            type: type.items,
            value: item,
            parentPath: `${parts.runtime('pathTo')}(${parentPath}, ${key})`,
            key: index,
            depth: check.depth + 1,
            ...(check.fieldName !== undefined && { fieldName: check.fieldName }),
            nameHint: `${check.nameHint}_item`,
          });
        });
      });
      w.line(`} else${nullGuard ? ` if (${nullGuard})` : ''} {`).indented(() => w.line(reportType()));
      w.line('}');
      return;
    }
    case 'object':
    case 'object-ref': {
      const checkName = type.kind === 'object-ref' ? parts.schemaCheck(type.name) : parts.inlineObjectCheck(type, check.nameHint);
      const call = `issues = ${checkName}(${value}, ${parts.runtime('pathTo')}(${parentPath}, ${key}), issues);`;
      w.line(nullGuard ? `if (${nullGuard}) ${call}` : call);
      return;
    }
    case 'union': {
      // Holds when one member holds; one issue when none does.
      if (check.knownInvalid) {
        w.line(reportType());
        return;
      }
      const invalid = type.members.map((member, i) => `(${invalidWhen(parts, member, value, `${check.nameHint}_member${i}`) ?? `!${parts.memberTest(member, `${check.nameHint}_member${i}`)}(${value})`})`);
      w.line(`if (${invalid.join(' && ')}${nullGuard ? ` && ${nullGuard}` : ''}) ${reportType()}`);
      return;
    }
  }
}

/**
 * The condition, as code, under which `value` is not a valid `type`, or undefined for an array
 * (which needs a loop: see `writeValueTest`). `value` may be anything, `undefined` included.
 */
export function invalidWhen(parts: ModuleParts, type: TypeModel, value: string, nameHint: string): string | undefined {
  const inner = ((): string | undefined => {
    switch (type.kind) {
      case 'string': {
        if (type.enum && !type.enum.open) return type.enum.values.map((v) => `${value} !== ${stringLiteral(v)}`).join(' && ');
        const fails = [`typeof ${value} !== 'string'`];
        if (type.minLength !== undefined) {
          const n = numberLiteral(type.minLength);
          fails.push(`${value}.length < ${n} || (${value}.length < 2 * ${n} && ${parts.runtime('codePointLength')}(${value}) < ${n})`);
        }
        if (type.maxLength !== undefined) {
          const n = numberLiteral(type.maxLength);
          fails.push(`(${value}.length > ${n} && ${parts.runtime('codePointLength')}(${value}) > ${n})`);
        }
        if (type.format !== undefined) fails.push(`!${parts.runtime(FORMAT_TESTS[type.format])}(${value})`);
        if (type.pattern !== undefined) fails.push(parts.failsPattern(type.pattern, value, nameHint));
        return fails.join(' || ');
      }
      case 'integer':
        return [`typeof ${value} !== 'number'`, `!Number.isInteger(${value})`, ...numberBounds(type, value).map(([condition]) => condition)].join(' || ');
      case 'number':
        return [`typeof ${value} !== 'number'`, `!Number.isFinite(${value})`, ...numberBounds(type, value).map(([condition]) => condition)].join(' || ');
      case 'boolean':
        return `typeof ${value} !== 'boolean'`;
      case 'null':
        return `${value} !== null`;
      case 'const':
        return `${value} !== ${constLiteral(type.value)}`;
      case 'array':
        return undefined;
      case 'object':
        return `${parts.inlineObjectCheck(type, nameHint)}(${value}) !== undefined`;
      case 'object-ref':
        return `${parts.schemaCheck(type.name)}(${value}) !== undefined`;
      case 'union':
        // Invalid when no member holds: each member's condition, or its function for an array.
        return type.members
          .map((member, i) => `(${invalidWhen(parts, member, value, `${nameHint}_member${i}`) ?? `!${parts.memberTest(member, `${nameHint}_member${i}`)}(${value})`})`)
          .join(' && ');
    }
  })();
  if (inner === undefined) return undefined;
  return type.nullable && type.kind !== 'null' ? `${value} !== null && (${inner})` : inner;
}

/** A `const` value as code. */
function constLiteral(value: string | number | boolean | null): string {
  return value === null ? 'null' : typeof value === 'string' ? stringLiteral(value) : typeof value === 'number' ? numberLiteral(value) : String(value);
}

/**
 * Statements that run `fail` (a `return`) when `value` is not a valid `type`: the yes-or-no
 * check, `return false;` in a test function, `return FAILED;` in a field check run as a test.
 */
export function writeValueTest(w: CodeWriter, parts: ModuleParts, type: TypeModel, value: string, depth: number, nameHint: string, fail = 'return false;'): void {
  const invalid = invalidWhen(parts, type, value, nameHint);
  if (invalid !== undefined) {
    w.line(`if (${invalid}) ${fail}`);
    return;
  }
  if (type.kind !== 'array') throw new Error(`validators: no test for ${type.kind}`);
  const body = (): void => {
    const fails = [`!Array.isArray(${value})`];
    if (type.minItems !== undefined) fails.push(`${value}.length < ${numberLiteral(type.minItems)}`);
    if (type.maxItems !== undefined) fails.push(`${value}.length > ${numberLiteral(type.maxItems)}`);
    w.line(`if (${fails.join(' || ')}) ${fail}`);
    const index = `i${depth}`;
    const item = `item${depth}`;
    w.block(`for (let ${index} = 0; ${index} < ${value}.length; ${index}++)`, () => {
      w.line(`const ${item}: unknown = ${value}[${index}];`);
      writeValueTest(w, parts, type.items, item, depth + 1, `${nameHint}_item`, fail);
    });
  };
  if (type.nullable) w.block(`if (${value} !== null)`, body);
  else body();
}

/**
 * What a field check run as a test (no `path`) does at its first problem: it returns the
 * runtime's `FAILED`, a list (any list means "invalid") that is never built.
 */
function fail(parts: ModuleParts): string {
  return `return ${parts.runtime('FAILED')};`;
}

/**
 * The statements that check one present field (found under `key`), whose value is in `field`.
 * The test's condition comes first, so a valid field costs what it costs in a test; only a
 * field that fails it is reported, with the reason found again by the full check (or, for a
 * closed enum, known from the test: the value is not one of them).
 */
function writeField(w: CodeWriter, parts: ModuleParts, field: FieldModel): void {
  const report = (): void =>
    writeValueCheck(w, parts, { type: field.type, value: 'field', parentPath: 'path', key: 'key', depth: 0, fieldName: field.name, nameHint: field.name, knownInvalid: true });
  const invalid = invalidWhen(parts, field.type, 'field', field.name);
  if (invalid !== undefined) {
    w.block(`if (field !== undefined && (${invalid}))`, () => {
      w.line(`if (path === undefined) ${fail(parts)}`);
      report();
    });
    return;
  }
  // A value that needs statements to test (an array): the test's statements, or the full check.
  w.block('if (field !== undefined)', () => {
    w.block('if (path === undefined)', () => writeValueTest(w, parts, field.type, 'field', 0, field.name, fail(parts)), '} else {');
    w.indented(report);
    w.line('}');
  });
}

/**
 * Past this many values with a rule, the discriminator's value finds its rule by its length
 * first (an integer `switch`, a jump table), then among the few values of that length: string
 * comparisons one after another would make the last value cost several times the first.
 */
export const RULES_BY_LENGTH_MIN = 5;

/**
 * The finder of one discriminator's broken rule, a function of its own: `name(object)` is the
 * index in the rules' table (see `writeRulesTable`) of the rule the object breaks (its value
 * has a rule, and no alternative of it has all of its fields), or -1. Each field is read by
 * name where its rule needs it, as Ajv reads it, so only the chosen value's fields are read.
 */
export function writeRuleFinder(w: CodeWriter, parts: ModuleParts, group: FieldGroup, rules: HandlerRulesModel, name: string): void {
  const fieldNames = new Set(group.fields.map((f) => f.name));
  const read = (field: string): string => {
    if (!fieldNames.has(field)) throw new Error(`validators: the handler rule names ${field}, which is not a field`);
    return propertyAccess('object', field);
  };
  const withRules = rulesWithFields(rules);
  /** The condition under which `rule` is not met: no alternative has all of its fields. */
  const unmet = (rule: HandlerRule): string =>
    rule.alternatives
      .map((fields) => {
        const missing = fields.map((f) => `${read(f)} === undefined`);
        return missing.length === 1 ? missing[0]! : `(${missing.join(' || ')})`;
      })
      .join(' && ');
  w.line(`/** Which rule of ${parts.docName(rules.discriminator)} in ${parts.docName(group.owner)} the object breaks: its index, or -1. */`);
  w.constFunction(name, 'object: Record<string, unknown>', 'number', () => {
    if (withRules.length < RULES_BY_LENGTH_MIN) {
      w.block(`switch (${read(rules.discriminator)})`, () => {
        withRules.forEach((rule, index) => {
          w.line(`case ${stringLiteral(rule.handler)}:`);
          w.indented(() => w.line(`if (${unmet(rule)}) return ${index};`).line('break;'));
        });
      });
    } else {
      const byLength = new Map<number, [HandlerRule, number][]>();
      withRules.forEach((rule, index) => byLength.set(rule.handler.length, [...(byLength.get(rule.handler.length) ?? []), [rule, index]]));
      w.line(`const value = ${read(rules.discriminator)};`);
      w.block(`if (typeof value === 'string')`, () => {
        w.block('switch (value.length)', () => {
          for (const [length, sameLength] of [...byLength.entries()].sort(([a], [b]) => a - b)) {
            w.line(`case ${length}:`);
            w.indented(() => {
              for (const [rule, index] of sameLength) w.line(`if (value === ${stringLiteral(rule.handler)} && (${unmet(rule)})) return ${index};`);
              w.line('break;');
            });
          }
        });
      });
    }
    w.line('return -1;');
  });
}

/** The rules of a discriminator that require something (a value with no rule requires nothing). */
function rulesWithFields(rules: HandlerRulesModel): HandlerRule[] {
  return rules.rules.filter((rule) => rule.alternatives.length > 0);
}

/**
 * The table of one discriminator's rules, for the issues of the full check: for each rule, in
 * the finder's order, the field an issue names, the value, the rest of the message and the
 * rule's spec pointer (see `missingForHandler` in src/runtime/report.ts).
 */
export function rulesTable(parts: ModuleParts, group: FieldGroup, rules: HandlerRulesModel): string {
  const rows = rulesWithFields(rules).map((rule) => {
    const [first, ...others] = rule.alternatives as [readonly string[], ...(readonly string[])[]];
    const names = (fields: readonly string[]): string => fields.map(subjectOf).join(' and ');
    // The runtime writes the first field's location in front of this text, and the value after it.
    const message =
      `${first.length > 1 ? ` and ${names(first.slice(1))}` : ''}${others.length > 0 ? ` (or ${others.map(names).join(', or ')})` : ''}` +
      ` ${first.length > 1 ? 'are' : 'is'} required when ${rules.discriminator} is `;
    return [first[0]!, rule.handler, message, rule.pointer];
  });
  return parts.rulesTable(`${group.owner}_${rules.discriminator}`, rows);
}

/** The functions of a field group's rules: each discriminator's finder and table. */
export interface RuleFunctions {
  finder: string;
  table: string;
}

/**
 * `case`s of a `switch (key)` over `fields`, each running `body` for its field. Fields whose
 * statements are the same text share them (`case "a": case "b": …`): the checks read a field's
 * name from `key`, so every string field of a schema, say, is one `case` group.
 */
function writeCases(w: CodeWriter, fields: readonly FieldModel[], body: (w: CodeWriter, field: FieldModel) => void): void {
  const byText = new Map<string, { names: string[]; lines: readonly string[] }>();
  for (const field of fields) {
    const own = new CodeWriter();
    body(own, field);
    const lines = own.lineList();
    const text = lines.join('\n');
    const shared = byText.get(text);
    if (shared) shared.names.push(field.name);
    else byText.set(text, { names: [field.name], lines });
  }
  for (const { names, lines } of byText.values()) {
    for (const name of names) w.line(`case ${stringLiteral(name)}:`);
    w.indented(() => lines.forEach((line) => w.line(line)));
  }
}

/**
 * One pass over the object's keys: each present field is checked where it is found, and (for
 * strict schemas) any other key is an unknown property. Reading only the keys that are there,
 * instead of every field the schema defines and then the keys again for unknown ones, is what
 * makes a typical body cheap: most fields are absent.
 *
 * The function is `name(object, path, issues[, unknownPointer])`. With a `path` it is the full
 * check: it appends every issue and ends with the handler rules. Without one it is the test
 * behind `isX`: it returns the runtime's `FAILED` at the first problem, builds nothing, and
 * leaves the rules to the schema's test, which runs them first. One function serves both, so
 * each field's names and rules are written once: the test's condition guards each report.
 *
 * What this sees, next to Ajv (the test oracle):
 * - `for...in` is how Ajv walks keys for `unevaluatedProperties`: a key whose value is
 *   undefined is still a key, and (like Ajv's `properties`) its value counts as absent.
 * - A value is read only for a key the schema defines, so a getter on any other key never runs.
 * - Field values are checked where `for...in` finds them, so a non-enumerable property, or a
 *   getter on a class's prototype, is not type-checked (Ajv reads each property by name). A
 *   JSON body has neither, and `JSON.stringify` would not send them.
 * - Required fields (in the schema's check) and the fields of the handler rules (only those of
 *   the chosen handler) are read by name, as Ajv reads them, so these verdicts agree with Ajv
 *   on any object.
 */
export function writeFieldGroup(w: CodeWriter, parts: ModuleParts, group: FieldGroup, name: string, rules: readonly RuleFunctions[] = []): void {
  const strict = group.needsKnownKeys;
  const fieldNames = group.fields.map((f) => f.name);
  const parameters = `object: Record<string, unknown>, path: IssuePath | undefined, issues: Issues${strict ? ', unknownPointer: string | undefined' : ''}`;
  const argumentList = `object, path, issues${strict ? ', unknownPointer' : ''}`;
  /** The statement that runs helper `fn` on the current key; a test stops at its first problem. */
  const callHelper = (fn: string): string => `if ((issues = ${fn}(key, ${argumentList})) === ${parts.runtime('FAILED')}) return issues;`;
  /** What is done with a key that is not a field: reported (strict), checked (a map), or nothing. */
  const unknown = (): void => {
    if (group.mapValue) {
      // A map's value is checked even when it is undefined, as Ajv's `additionalProperties` does.
      const mapValue = group.mapValue;
      w.line('const entry: unknown = object[key];');
      w.block('if (path === undefined)', () => writeValueTest(w, parts, mapValue, 'entry', 0, `${group.owner}_value`, fail(parts)), '} else {');
      w.indented(() => writeValueCheck(w, parts, { type: mapValue, value: 'entry', parentPath: 'path', key: 'key', depth: 0, nameHint: `${group.owner}_value` }));
      w.line('}');
    } else if (strict) {
      w.block('if (unknownPointer !== undefined)', () => {
        w.line(`if (path === undefined) ${fail(parts)}`);
        w.line(`issues = ${parts.runtime('unknownProperty')}(issues, path, key, ${parts.fieldNames(group.owner, fieldNames)}, unknownPointer);`);
      });
    }
  };
  const hasUnknown = group.mapValue !== undefined || strict;
  const byHash = group.fields.length > SWITCH_ON_NAMES_LIMIT;
  const fieldCases = (fields: readonly FieldModel[]): void =>
    writeCases(w, fields, (own, field) => {
      own.line('field = object[key];');
      writeField(own, parts, field);
      own.line('break;');
    });
  const tree = byHash ? keyTree(group.fields) : undefined;
  // Up to INLINE_BUCKETS_LIMIT fields the groups stay in this function; past it, each is a function.
  const inline = group.fields.length <= INLINE_BUCKETS_LIMIT;
  const leaves = tree ? leavesOf(tree) : [];
  const leafNames = new Map(inline ? [] : leaves.map((leaf) => [leaf, parts.freshName(`${name}_${leaf.label}`)] as const));
  const otherName = byHash && hasUnknown ? parts.freshName(`${name}_other`) : undefined;

  w.line(
    `/** Checks the fields of ${parts.docName(group.owner)} that are present${group.handlerRules.length > 0 ? ', and its handler rules' : ''}; with no \`path\`, only whether they are valid${strict ? ' (and, with an \`unknownPointer\`, that no other key is there)' : ''}. */`,
  );
  w.constFunction(name, parameters, 'Issues', () => {
    if (!byHash || inline) w.line('let field: unknown;');
    w.block('for (const key in object)', () => {
      if (!tree) {
        w.block('switch (key)', () => {
          fieldCases(group.fields);
          // A map's value gets a block of its own: the `case` declares a constant.
          if (hasUnknown) w.line('default:').indented(() => (group.mapValue ? w.block('', unknown) : unknown()));
        });
        return;
      }
      // Many fields: the key's length, then maybe a character, picks the few names to compare.
      // With the groups in functions of their own, the switches only choose the function, and
      // one call runs it: a call at every leaf would make this function too big to optimise.
      const other = otherName && inline ? callHelper(otherName) : undefined;
      if (!inline) {
        w.line(`let check: ((key: string, ${parameters}) => Issues) | undefined${otherName ? ` = ${otherName}` : ''};`);
      }
      const writeNode = (node: KeyTree): CodeWriter => {
        if (node.kind === 'split') {
          w.block(`switch (${node.position === undefined ? 'key.length' : `key.charCodeAt(${node.position})`})`, () => {
            for (const [value, child] of node.children) w.line(`case ${value}:`).indented(() => writeNode(child).line('break;'));
            if (other) w.line('default:').indented(() => w.line(other));
          });
        } else if (!inline) {
          w.line(`check = ${leafNames.get(node)!};`);
        } else {
          w.block('switch (key)', () => {
            fieldCases(node.fields);
            if (other) w.line('default:').indented(() => w.line(other));
          });
        }
        return w;
      };
      writeNode(tree);
      if (!inline) w.line(`if (check !== undefined && (issues = check(key, ${argumentList})) === ${parts.runtime('FAILED')}) return issues;`);
    });
    if (rules.length > 0) {
      // A test has run the rules first (see writeObjectCheck).
      w.line('if (path === undefined) return issues;');
      w.line('let rule: number;');
      for (const { finder, table } of rules) {
        w.line(`if ((rule = ${finder}(object)) >= 0) issues = ${parts.runtime('missingForHandler')}(issues, path, ${table}[rule]!);`);
      }
    }
    w.line('return issues;');
  });
  for (const [leaf, leafName] of leafNames) {
    w.line();
    w.line(`/** Checks the field of ${parts.docName(group.owner)} named \`key\`, among those ${leaf.description}. */`);
    w.constFunction(leafName, `key: string, ${parameters}`, 'Issues', () => {
      w.line('let field: unknown;');
      w.block('switch (key)', () => {
        fieldCases(leaf.fields);
        if (otherName) w.line('default:').indented(() => w.line(`return ${otherName}(key, ${argumentList});`));
      });
      w.line('return issues;');
    });
  }
  if (otherName) {
    w.line();
    w.line(`/** A key that is not a field of ${parts.docName(group.owner)}. */`);
    w.constFunction(otherName, `key: string, ${parameters}`, 'Issues', () => {
      unknown();
      w.line('return issues;');
    });
  }
}

/**
 * How a key finds its group of names: a `switch` on its length (`position` undefined) or on
 * the character at `position`, down to leaves of a few names compared as strings. Lengths and
 * characters are small integers, and only keys of a known length reach a character's switch,
 * so each read is in range.
 */
type KeyTree =
  | { kind: 'split'; position: number | undefined; children: [number, KeyTree][] }
  | { kind: 'leaf'; fields: readonly FieldModel[]; label: string; description: string };

function groupBy(fields: readonly FieldModel[], of: (name: string) => number): [number, FieldModel[]][] {
  const groups = new Map<number, FieldModel[]>();
  for (const field of fields) {
    const value = of(field.name);
    groups.set(value, [...(groups.get(value) ?? []), field]);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b);
}

/** The tree of `fields`: by length, then by the character that splits each large group best. */
function keyTree(fields: readonly FieldModel[]): KeyTree {
  const node = (group: readonly FieldModel[], length: number, label: string, description: string): KeyTree => {
    if (group.length <= NAMES_PER_GROUP) return { kind: 'leaf', fields: group, label, description };
    // Names of one length differ at some position; the best one leaves the smallest largest group.
    let best: { position: number; groups: [number, FieldModel[]][]; largest: number } | undefined;
    for (let position = 0; position < length; position++) {
      const groups = groupBy(group, (name) => name.charCodeAt(position));
      const largest = Math.max(...groups.map(([, g]) => g.length));
      if (!best || largest < best.largest) best = { position, groups, largest };
    }
    const { position, groups } = best!;
    return {
      kind: 'split',
      position,
      children: groups.map(([code, g]) => [code, node(g, length, `${label}_${code}`, `${description} with character ${code} at ${position}`)]),
    };
  };
  return {
    kind: 'split',
    position: undefined,
    children: groupBy(fields, (name) => name.length).map(([length, group]) => [length, node(group, length, `length${length}`, `of length ${length}`)]),
  };
}

function leavesOf(tree: KeyTree): Extract<KeyTree, { kind: 'leaf' }>[] {
  return tree.kind === 'leaf' ? [tree] : tree.children.flatMap(([, child]) => leavesOf(child));
}

/**
 * Up to this many required fields are read by name in the generated code, where each read is
 * cheap; past it, the runtime walks the list, so that the module holds each name once.
 */
export const REQUIRED_BY_NAME_LIMIT = 2;

/** What `writeObjectCheck` needs of a named schema or an inline object. */
export interface CheckedObject {
  /** The schema's name, or words for an inline object. */
  title: string;
  /** Words for the constants its check declares (the schema's name, or the field's). */
  nameHint: string;
  fields: readonly FieldModel[];
  unknownProperties: ObjectShape['unknownProperties'];
  unknownPropertiesPointer?: string;
  pointer: string;
}

/** The functions an object's check calls: its field group's and its rules' finders. */
export interface GroupFunctions {
  fields: string;
  rules: readonly RuleFunctions[];
}

/**
 * The last argument of a field group's check, when its group has strict schemas: the pointer
 * a strict (request) schema's unknown-property issues cite, or `undefined` for a lenient one.
 */
function unknownPointerArgument(object: CheckedObject, group: FieldGroup): string {
  if (!group.needsKnownKeys) return '';
  return `, ${object.unknownProperties === 'reject' ? stringLiteral(object.unknownPropertiesPointer ?? object.pointer) : 'undefined'}`;
}

/**
 * The check of one object, `name(value, path, issues)`. With a `path` it appends every issue:
 * its type, its required fields, then its field group (which ends with the handler rules).
 * Without one it is the yes-or-no test, cheapest checks first: its type, its handler rules (the
 * discriminator and the chosen value's fields, read by name: they decide most rejections), its
 * required fields (read by name, as Ajv reads them), then its field group (one pass over the
 * keys); it returns the runtime's `FAILED` at the first problem.
 */
export function writeObjectCheck(w: CodeWriter, parts: ModuleParts, object: CheckedObject, name: string, functions: GroupFunctions, group: FieldGroup): void {
  const failed = parts.runtime('FAILED');
  w.line(`/** Checks ${parts.docName(object.title)}: appends its issues to \`issues\`; with no \`path\` (a test), returns ${failed} at its first problem. */`);
  w.constFunction(name, 'value: unknown, path?: IssuePath, issues?: Issues', 'Issues', () => {
    w.block(`if (typeof value !== 'object' || value === null || Array.isArray(value))`, () => {
      w.line(`return path === undefined ? ${failed} : ${parts.runtime('wrongType')}(issues, path, undefined, ${reasonLiteral('must be an object')}, value, ${stringLiteral(object.pointer)});`);
    });
    w.line('const object = value as Record<string, unknown>;');
    if (functions.rules.length > 0) w.line(`if (path === undefined && (${functions.rules.map(({ finder }) => `${finder}(object) >= 0`).join(' || ')})) return ${failed};`);
    const required = object.fields.filter((f) => f.required).map((f) => f.name);
    const requiredPointer = stringLiteral(`${object.pointer}/required`);
    if (required.length > REQUIRED_BY_NAME_LIMIT) {
      const list = parts.requiredNames(object.nameHint, required);
      w.line(`if ((issues = ${parts.runtime('missingFields')}(issues, path, object, ${list}, ${requiredPointer})) === ${failed}) return issues;`);
    } else if (required.length > 0) {
      // Read by name; the list is walked (and read again) only when one is missing.
      w.block(`if (${required.map((field) => `${propertyAccess('object', field)} === undefined`).join(' || ')})`, () => {
        w.line(`if (path === undefined) return ${failed};`);
        w.line(`issues = ${parts.runtime('missingFields')}(issues, path, object, ${stringArrayLiteral(required)}, ${requiredPointer});`);
      });
    }
    w.line(`return ${functions.fields}(object, path, issues${unknownPointerArgument(object, group)});`);
  });
}

/** A function testing one value of `type` (a member of a union that needs statements: an array). */
export function writeValueTestFunction(w: CodeWriter, parts: ModuleParts, type: TypeModel, name: string, nameHint: string): void {
  w.line(`/** Whether \`value\` is ${parts.docName(describeType(type))}. */`);
  w.constFunction(name, 'value: unknown', 'boolean', () => {
    writeValueTest(w, parts, type, 'value', 0, nameHint);
    w.line('return true;');
  });
}
