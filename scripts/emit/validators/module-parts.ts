/**
 * What the checks need at module level, recorded while the checks are written: the runtime
 * functions they call (imported, and only those), and constants compiled once at import
 * (patterns, enum value lists, spec pointers, field name lists and indexes). Each constant is
 * declared once, however many checks use it.
 */
import type { InlineObjectType, SpecPointer, TypeModel } from '../../model/types.ts';
import { commentText, docText, regexExpression, stringArrayLiteral, stringLiteral } from './literals.ts';
import { type ModuleNames, upperSnake } from './plan.ts';

/** The runtime functions (and the one constant) generated checks may use, by module. */
export const RUNTIME_FUNCTIONS = {
  '../runtime/issue.ts': ['FAILED'],
  '../runtime/formats.ts': ['codePointLength', 'isDateTime', 'isEmail', 'isUri', 'isUuid'],
  '../runtime/report.ts': ['invalidValue', 'missingFields', 'missingForHandler', 'notInEnum', 'pathTo', 'quoteNames', 'unknownProperty', 'wrongType'],
} as const;

export type RuntimeFunction = (typeof RUNTIME_FUNCTIONS)[keyof typeof RUNTIME_FUNCTIONS][number];

/** `call_handler_item` → `CallHandlerItem`, for function names. */
function pascal(text: string): string {
  return text.replace(/(?:^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * A pattern of the form `^[^X]+$` ("one or more characters, none of them in X"), as the
 * class `[X]` that must not occur; undefined for any other pattern. The two tests agree on
 * every string: a non-empty string matches the pattern exactly when a search for `[X]` (with
 * the same `u` flag) finds nothing. The search is cheaper: it needs no full match.
 */

export function forbiddenClass(pattern: string): string | undefined {
  const match = /^\^\[\^((?:[^\]\\[]|\\.)+)\]\+\$$/.exec(pattern);
  // `^[^^a]+$` forbids `^` and `a`; as `[^a]` the search would be a negated class.
  if (!match || match[1]!.startsWith('^')) return undefined;
  return `[${match[1]}]`;
}

interface Constant {
  name: string;
  comment: string;
  type?: string;
  initializer: string;
}

/**
 * A function the checks call that is written after them: an inline object's check (which is
 * also its test), or the test of a union member that needs statements.
 */
export type PendingFunction = { kind: 'object'; name: string; type: InlineObjectType; nameHint: string } | { kind: 'value'; name: string; type: TypeModel; nameHint: string };

export class ModuleParts {
  private readonly used = new Set<RuntimeFunction>();
  /** Functions asked for and not yet written; `render.ts` writes them until none is left. */
  readonly pending: PendingFunction[] = [];
  private readonly functionsByType = new Map<string, PendingFunction>();
  private readonly constants: Constant[] = [];
  /** Constant names by what they hold, so that each is declared once. */
  private readonly byContent = new Map<string, string>();

  constructor(
    private readonly names: ModuleNames,
    /** The name of each object schema's check function (which is also its test). */
    private readonly schemaChecks: ReadonlyMap<string, string>,
  ) {}

  /** The check function of object schema `schemaName`. */
  schemaCheck(schemaName: string): string {
    const check = this.schemaChecks.get(schemaName);
    if (check === undefined) throw new Error(`validators: no check for schema ${schemaName}`);
    return check;
  }

  /** The check function of an inline object, written later (once per distinct object). */
  inlineObjectCheck(type: InlineObjectType, nameHint: string): string {
    return this.inlineObject(type, nameHint).name;
  }

  /** A function testing one value of `type`, written later (once per distinct type). */
  memberTest(type: TypeModel, nameHint: string): string {
    const key = JSON.stringify(['value', type]);
    const existing = this.functionsByType.get(key);
    if (existing) return existing.name;
    const pending: PendingFunction = { kind: 'value', name: this.names.fresh(`test${pascal(nameHint)}`), type, nameHint };
    this.functionsByType.set(key, pending);
    this.pending.push(pending);
    return pending.name;
  }

  private inlineObject(type: InlineObjectType, nameHint: string): Extract<PendingFunction, { kind: 'object' }> {
    const key = JSON.stringify(['object', type]);
    const existing = this.functionsByType.get(key);
    if (existing?.kind === 'object') return existing;
    const pending: PendingFunction = { kind: 'object', name: this.names.fresh(`check${pascal(nameHint)}`), type, nameHint };
    this.functionsByType.set(key, pending);
    this.pending.push(pending);
    return pending;
  }

  /** A free module-level name based on `wanted`. */
  freshName(wanted: string): string {
    return this.names.fresh(wanted);
  }

  /** Text of the spec for a doc comment. */
  docName(text: string): string {
    return docText(text);
  }

  /** The name of runtime function `name`, which the module then imports. */
  runtime(name: RuntimeFunction): string {
    this.used.add(name);
    return name;
  }

  /** For each runtime module, the functions the checks call. */
  imports(): [string, RuntimeFunction[]][] {
    return Object.entries(RUNTIME_FUNCTIONS)
      .map(([module, names]): [string, RuntimeFunction[]] => [module, names.filter((name) => this.used.has(name))])
      .filter(([, names]) => names.length > 0);
  }

  private constant(content: string, wanted: string, make: (name: string) => Omit<Constant, 'name'>): string {
    const existing = this.byContent.get(content);
    if (existing) return existing;
    const name = this.names.fresh(wanted);
    this.byContent.set(content, name);
    this.constants.push({ name, ...make(name) });
    return name;
  }

  /**
   * The condition, as code, under which the string `value` fails the spec's `pattern`. A
   * pattern of the form `^[^X]+$` is tested as "empty, or contains a character of X" (see
   * `forbiddenClass`); any other as a full match.
   */
  failsPattern(pattern: string, value: string, nameHint: string): string {
    const forbidden = forbiddenClass(pattern);
    if (forbidden !== undefined) {
      const name = this.constant(`forbidden:${forbidden}`, `${upperSnake(nameHint)}_FORBIDDEN`, () => ({
        comment: `The spec's pattern ${pattern} holds for a non-empty string with no match of this class (see forbiddenClass); \`u\` as Ajv compiles it.`,
        initializer: regexExpression(forbidden),
      }));
      return `${value}.length === 0 || ${name}.test(${value})`;
    }
    const name = this.constant(`pattern:${pattern}`, `${upperSnake(nameHint)}_PATTERN`, () => ({
      comment: "The spec's pattern, compiled with the `u` flag as Ajv compiles it.",
      initializer: regexExpression(pattern),
    }));
    return `!${name}.test(${value})`;
  }

  /** The constant listing an enum's values (at `pointer` in the spec), for enum issues. */
  enumValues(enumName: string, values: readonly string[], pointer: SpecPointer): string {
    return this.constant(`enum:${JSON.stringify(values)}`, `${upperSnake(enumName)}_VALUES`, () => ({
      comment: `The values of ${enumName} (${pointer}), listed in enum issues.`,
      type: 'readonly string[]',
      initializer: stringArrayLiteral(values),
    }));
  }

  /**
   * Code for the spec pointer of a field's rule. When the pointer is its schema's `properties`
   * pointer plus the field's name, this is a module constant ending in `/`, which the runtime
   * completes with the key (see `pointerAt` in src/runtime/report.ts); below the field (its
   * items), the constant plus the variable `key` (which then holds the field's name) plus the
   * rest; otherwise the pointer.
   */
  pointer(pointer: SpecPointer, fieldName: string | undefined): string {
    const match = /^#\/components\/schemas\/([^/]+)\/properties\//.exec(pointer);
    if (fieldName === undefined || !match || /[~/]/.test(fieldName)) return stringLiteral(pointer);
    const properties = match[0];
    const rest = pointer.slice(properties.length);
    if (rest !== fieldName && !rest.startsWith(`${fieldName}/`)) return stringLiteral(pointer);
    const name = this.constant(`pointer:${properties}`, `${upperSnake(match[1]!)}_PROPERTIES`, () => ({
      comment: "Where these fields are in the spec: an issue's pointer is this plus the field's name.",
      initializer: stringLiteral(properties),
    }));
    return rest === fieldName ? name : `${name} + key + ${stringLiteral(rest.slice(fieldName.length))}`;
  }


  /** The names of a schema's fields, for "did you mean" suggestions. */
  fieldNames(owner: string, fields: readonly string[]): string {
    return this.constant(`names:${JSON.stringify(fields)}`, `${upperSnake(owner)}_FIELD_NAMES`, () => ({
      comment: `The properties of ${owner}, for "did you mean" suggestions.`,
      type: 'readonly string[]',
      initializer: stringArrayLiteral(fields),
    }));
  }

  /** The table of a discriminator's rules (see `rulesTable` in checks.ts). */
  rulesTable(owner: string, rows: readonly (readonly string[])[]): string {
    return this.constant(`rules:${JSON.stringify(rows)}`, `${upperSnake(owner)}_RULES`, () => ({
      comment: `The rules of ${owner}, for their issues: the field named, the value, the message's rest, the pointer.`,
      type: 'readonly (readonly string[])[]',
      initializer: `[${rows.map((row) => stringArrayLiteral(row)).join(', ')}]`,
    }));
  }

  /** The names of a schema's required fields, listed once for its checks. */
  requiredNames(owner: string, fields: readonly string[]): string {
    return this.constant(`required:${JSON.stringify(fields)}`, `${upperSnake(owner)}_REQUIRED`, () => ({
      comment: `The required properties of ${owner}.`,
      type: 'readonly string[]',
      initializer: stringArrayLiteral(fields),
    }));
  }

  /** The constant declarations, each with its comment. */
  declarations(): string[] {
    return this.constants.map(({ name, comment, type, initializer }) => `// ${commentText(comment)}\nconst ${name}${type ? `: ${type}` : ''} = ${initializer};`);
  }
}
