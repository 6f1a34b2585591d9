/**
 * The escaping path of the emitter (`scripts/emit/validators/literals.ts`) under arbitrary
 * strings: whatever a pattern, a string or a number is, the code written for it parses and
 * evaluates to that very value; a pattern's expression matches exactly like
 * `new RegExp(pattern, 'u')`. Then whole modules, rendered from specs whose username pattern,
 * enum values and property names are arbitrary, compile and behave like Ajv's reading.
 * 2,000 literals per property here, 40,000 under `npm run fuzz`.
 */
import fc from 'fast-check';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { numberLiteral, regexExpression, stringLiteral } from '../../scripts/emit/validators/literals.ts';
import { renderValidators } from '../../scripts/emit/validators.ts';
import { readModel } from '../../scripts/model/read-model.ts';
import { readBundledSpec } from '../support/repo.ts';
import { FUZZ_RUNS } from './support/model-arbitraries.ts';
import { importRendered } from './support/load-generated.ts';

/** A fifth of the body fuzz's runs: each literal is cheap, but `npm test` must stay fast. */
const RUNS = Math.floor(FUZZ_RUNS / 5);

/** Evaluates one expression of generated code. */
const evaluate = (code: string): unknown => new Function(`return (${code});`)();

/** Strings with quotes, backslashes, slashes, line breaks, lone surrogates and regex syntax. */
const nasty = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom('\\', '/', "'", '"', '`', '$', '{', '}', '[', ']', '(', ')', '^', '*', '+', '?', '|', '\n', '\r', '\u2028', '\u2029', '\0', 'u', ';', 'a', '@', ' ', '\ud800') }),
);

function isValidPattern(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

describe('literals', () => {
  it(`a string literal evaluates to the string (${RUNS} strings)`, () => {
    fc.assert(fc.property(nasty, (text) => evaluate(stringLiteral(text)) === text), { numRuns: RUNS });
  });

  it(`a number literal evaluates to the number (${RUNS} numbers)`, () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => Object.is(evaluate(numberLiteral(n)), n)), { numRuns: RUNS });
    expect(() => numberLiteral(Number.NaN)).toThrow(/not a finite number/);
  });

  it(`a pattern's expression matches exactly like new RegExp(pattern, 'u') (${RUNS} patterns)`, () => {
    fc.assert(
      fc.property(nasty, fc.array(nasty, { maxLength: 5 }), (pattern, inputs) => {
        if (!isValidPattern(pattern)) {
          expect(() => regexExpression(pattern)).toThrow(/not a valid regular expression/);
          return;
        }
        const compiled = evaluate(regexExpression(pattern)) as RegExp;
        const reference = new RegExp(pattern, 'u');
        expect(compiled.source).toBe(reference.source);
        expect(compiled.flags).toBe('u');
        for (const input of [pattern, ...inputs]) expect(compiled.test(input)).toBe(reference.test(input));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('whole modules from arbitrary spec text', () => {
  let spec: Record<string, any>;
  beforeAll(async () => {
    spec = await readBundledSpec();
  });
  const MODULE_RUNS = Math.max(20, Math.floor(FUZZ_RUNS / 500));

  it(`parse as TypeScript and check as the spec says (${MODULE_RUNS} specs)`, async () => {
    await fc.assert(
      fc.asyncProperty(nasty.filter(isValidPattern), nasty, nasty.filter((s) => s.length > 0), async (pattern, username, extraName) => {
        const copy = structuredClone(spec);
        copy.components.schemas.SipEndpointFields.properties.username.pattern = pattern;
        copy.components.schemas.SipEndpointFields.properties[`x${extraName}`] = { type: 'string' };
        const source = renderValidators(readModel(copy), 'test');
        const parsed = ts.createSourceFile('validators.ts', source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
        expect((parsed as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics.map((d) => d.messageText)).toEqual([]);
        const module = await importRendered(source);
        const body = { username, password: 'p', [`x${extraName}`]: 'v' };
        expect(module.isCreateSipEndpointRequest(body)).toBe(new RegExp(pattern, 'u').test(username));
      }),
      { numRuns: MODULE_RUNS },
    );
  }, 600_000);
});
