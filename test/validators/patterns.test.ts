/**
 * The generator checks a pattern of the form `^[^X]+$` as "non-empty, and a search for `[X]`
 * finds nothing" (see `forbiddenClass` in scripts/emit/validators.ts). These tests hold the two
 * forms equal on every UTF-16 code unit, on astral characters and lone surrogates, and on
 * random strings, for the spec's own username pattern and for a few other classes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forbiddenClass } from '../../scripts/emit/validators.ts';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../support/repo.ts';

/** Both forms of `pattern`, compiled with `u` as Ajv compiles the spec's patterns. */
function bothForms(pattern: string): { full: (s: string) => boolean; viaSearch: (s: string) => boolean } {
  const forbidden = forbiddenClass(pattern);
  if (forbidden === undefined) throw new Error(`${pattern} is not of the form ^[^X]+$`);
  const full = new RegExp(pattern, 'u');
  const search = new RegExp(forbidden, 'u');
  return { full: (s) => full.test(s), viaSearch: (s) => s.length > 0 && !search.test(s) };
}

const specPatterns = (): string[] => {
  const patterns = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'pattern' && typeof inner === 'string') patterns.add(inner);
        else visit(inner);
      }
    }
  };
  visit(JSON.parse(readFileSync(path.join(REPO_ROOT, 'generated/openapi.json'), 'utf8')));
  return [...patterns];
};

describe('forbiddenClass', () => {
  it('recognises only a negated class repeated one or more times, anchored at both ends', () => {
    expect(forbiddenClass('^[^\\s@]+$')).toBe('[\\s@]');
    expect(forbiddenClass('^[^\\]]+$')).toBe('[\\]]');
    // A class that starts with `^` would turn into a negated search class: not rewritten.
    for (const other of ['^[^\\s@]*$', '[^\\s@]+', '^[a-z]+$', '^[^a][^b]+$', '^[^a]+$|x', '^[^[a]]+$', '^(?:[^a])+$', '^[^^]+$', '^[^^a]+$']) {
      expect(forbiddenClass(other), other).toBeUndefined();
    }
  });

  it('covers the username pattern of the spec', () => {
    expect(specPatterns()).toContain('^[^\\s@]+$');
  });

  const cases = [...new Set(['^[^\\s@]+$', '^[^a-z]+$', '^[^\\d\\-]+$', '^[^\\u{1F600}x]+$', ...specPatterns().filter((p) => forbiddenClass(p) !== undefined)])];

  it.each(cases)('%s: the search agrees with the full pattern on every UTF-16 code unit', (pattern) => {
    const { full, viaSearch } = bothForms(pattern);
    const inputs = ['', '\u{1F600}', 'a\u{1F600}', '\u{10FFFF}z', '\ud83d', 'x\ude00', '\ude00\ud83d'];
    for (let unit = 0; unit <= 0xffff; unit++) {
      const c = String.fromCharCode(unit);
      inputs.push(c, `a${c}b`, `${c}${c}`);
    }
    // One assertion over the list: an expect per input would take most of the test's time.
    expect(inputs.filter((s) => viaSearch(s) !== full(s)).map((s) => JSON.stringify(s))).toEqual([]);
  });

  it.each(cases)('%s: the search agrees with the full pattern on random strings', (pattern) => {
    const { full, viaSearch } = bothForms(pattern);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (s) => viaSearch(s) === full(s)),
      { numRuns: 5_000 },
    );
  });
});
