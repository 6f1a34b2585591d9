/**
 * Every literal the emitter writes (a pattern, a string, a property name) reaches the module
 * through one escaping path. Whatever the spec says, the module parses, does only what a
 * validator does, and its regular expressions match exactly like `new RegExp(pattern, 'u')`,
 * as Ajv compiles them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readBundledSpec } from '../support/repo.ts';
import { loadValidators } from '../validators/support/load-generated.ts';

const flag = globalThis as { injected?: unknown };
afterEach(() => {
  delete flag.injected;
});

describe('a pattern that tries to end its regular expression', () => {
  it('stays a pattern: importing the module runs no code of the spec', async () => {
    const spec = await readBundledSpec();
    const pattern = String.raw`(?:^[^\s@]+$)|\/;globalThis.injected=1;1`;
    spec.components.schemas.SipEndpointFields.properties.username.pattern = pattern;
    const { module } = await loadValidators(spec);
    expect(flag.injected).toBeUndefined();
    const reference = new RegExp(pattern, 'u');
    for (const username of ['alice', 'a b', '/;globalThis.injected=1;1', 'x/;globalThis.injected=1;1', '']) {
      expect(module.isCreateSipEndpointRequest({ username, password: 'p' }), username).toBe(reference.test(username));
    }
  });
});
