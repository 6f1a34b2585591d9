import { describe, expect, it } from 'vitest';
import { describePatterns } from '../../scripts/emit/docs-pattern-messages.ts';

describe('describePatterns', () => {
  it("puts a pattern's message in words after the description, once per schema object", () => {
    const shared = { type: 'string', pattern: '^[^\\s@]+$', 'x-pattern-message': 'must not contain whitespace or @', description: 'The user part.' };
    const doc = { a: { properties: { username: shared } }, b: [shared], c: { pattern: '^x$', description: 'No message.' } };
    describePatterns(doc);
    expect(shared.description).toBe('The user part.\n\nMust not contain whitespace or @.');
    expect(doc.c.description).toBe('No message.');
  });

  it('gives a schema without a description the message alone', () => {
    const schema: Record<string, unknown> = { pattern: '^a', 'x-pattern-message': 'must start with a.' };
    describePatterns(schema);
    expect(schema.description).toBe('Must start with a.');
  });
});
