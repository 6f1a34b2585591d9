/**
 * A pattern's message in the docs. Redoc shows a `pattern` as the bare regular expression;
 * where the spec gives the rule in words (`x-pattern-message`), the docs-only copy of the spec
 * puts those words in front of it, so a reader sees what the validators and the mock server say.
 */
import { PATTERN_MESSAGE } from '../model/read-model.ts';

/** Adds "Must …" (the pattern's message) to the description of every schema that has one. */
export function describePatterns(node: unknown, seen: WeakSet<object> = new WeakSet()): void {
  // A schema object may be shared by several places of the copy: it is described once.
  if (typeof node !== 'object' || node === null || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    for (const item of node) describePatterns(item, seen);
    return;
  }
  const schema = node as Record<string, unknown>;
  const message = schema[PATTERN_MESSAGE];
  const words = typeof message === 'string' ? message.trim() : '';
  if (typeof schema.pattern === 'string' && words !== '') {
    const sentence = `${words[0]!.toUpperCase()}${words.slice(1)}${/[.!?]$/.test(words) ? '' : '.'}`;
    const description = typeof schema.description === 'string' ? schema.description.trimEnd() : '';
    schema.description = description === '' ? sentence : `${description}\n\n${sentence}`;
  }
  for (const value of Object.values(schema)) describePatterns(value, seen);
}
