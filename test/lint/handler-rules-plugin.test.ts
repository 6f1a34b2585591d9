/**
 * Each rule of the `handler-rules` Redocly plugin, fed a spec broken in the way it guards against,
 * must fail lint with a message naming the file and line of the mistake.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lintAndBundle, SpecError } from '../../scripts/spec-check.ts';
import { copyRepo } from '../support/repo.ts';

const RULES_FILE = 'spec/components/schemas/SipEndpointFields.yaml';

let repo: Awaited<ReturnType<typeof copyRepo>>;
let original: string;
beforeAll(async () => {
  repo = await copyRepo();
  original = await readFile(path.join(repo.root, RULES_FILE), 'utf8');
});
afterAll(() => repo.remove());

/** Lints the copy with one edit applied to the rules file; returns the problems. */
async function problemsAfter(edit: (yaml: string) => string): Promise<string[]> {
  const broken = edit(original);
  expect(broken, 'the edit must change the file').not.toBe(original);
  await writeFile(path.join(repo.root, RULES_FILE), broken);
  try {
    await lintAndBundle(repo.root);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return [...(error as SpecError).problems];
  } finally {
    await writeFile(path.join(repo.root, RULES_FILE), original);
  }
}

function lineOf(yaml: string, needle: string, occurrence = 1): number {
  const lines = yaml.split('\n');
  let seen = 0;
  const index = lines.findIndex((l) => l.includes(needle) && ++seen === occurrence);
  if (index < 0) throw new Error(`"${needle}" not found`);
  return index + 1;
}

describe('handler-rules lint plugin', () => {
  it('passes on the real spec', async () => {
    await expect(lintAndBundle(repo.root)).resolves.toContain('"openapi":"3.1.0"');
  });

  it('handler-rules/handler-has-one-rule: a handler with two rules, and one with none', async () => {
    const edit = (y: string) => y.replace('const: laml_application', 'const: laml_webhooks');
    const problems = await problemsAfter(edit);
    const duplicateLine = lineOf(edit(original), 'const: laml_webhooks', 2);
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${RULES_FILE}:${duplicateLine}:\\d+  error  handler-rules/handler-has-one-rule  "laml_webhooks" has a second handler rule`)));
    expect(problems).toContainEqual(expect.stringMatching(/handler-rules\/handler-has-one-rule {2}"laml_application" has no handler rule/));
  });

  it('handler-rules/handler-has-one-rule: a rule for a value the enum lacks', async () => {
    const problems = await problemsAfter((y) => y.replace('const: relay_connector', 'const: relay_conector'));
    expect(problems).toContainEqual(expect.stringMatching(/SipEndpointFields\.yaml:\d+:\d+  error  handler-rules\/handler-has-one-rule  Handler rule allOf\[10\] is for "relay_conector", which is not a value/));
  });

  it('handler-rules/handler-rule-pins-discriminator: an if that does not require call_handler', async () => {
    // Remove `required: [call_handler]` from the dialogflow rule's `if`.
    const edit = (y: string) => y.replace(/(- description: '`dialogflow`[^\n]*\n\s+if:\n)\s+required: \[call_handler\]\n/, '$1');
    const problems = await problemsAfter(edit);
    // The value of that `if` now starts at its `properties:` line, two below the description.
    const ifLine = lineOf(edit(original), "- description: '`dialogflow`") + 2;
    expect(problems).toContainEqual(
      expect.stringMatching(new RegExp(`^${RULES_FILE}:${ifLine}:\\d+  error  handler-rules/handler-rule-pins-discriminator  Handler rule allOf\\[2\\]: its "if" must list "call_handler" in "required"`)),
    );
    // The vacuous `if` now matches bodies without call_handler, so the spec's own examples fail too.
    expect(problems).toContainEqual(expect.stringMatching(/CreateCredentialsOnly\.yaml:\d+:\d+  warn  no-invalid-media-type-examples/));
  });

  it('handler-rules/handler-rule-pins-discriminator: an if that pins call_handler with enum instead of const', async () => {
    const problems = await problemsAfter((y) => y.replace('const: video_room', 'enum: [video_room]'));
    expect(problems).toContainEqual(expect.stringMatching(/handler-rules\/handler-rule-pins-discriminator  Handler rule allOf\[7\]: its "if" must pin call_handler with a string "const"/));
  });

  it('handler-rules/handler-rule-fields-exist: a required field that is not a property', async () => {
    const edit = (y: string) => y.replace('required: [call_ai_agent_id]', 'required: [call_ai_agent]');
    const problems = await problemsAfter(edit);
    const line = lineOf(edit(original), 'required: [call_ai_agent]');
    expect(problems).toContainEqual(
      expect.stringMatching(new RegExp(`^${RULES_FILE}:${line}:\\d+  error  handler-rules/handler-rule-fields-exist  Handler rule allOf\\[9\\] requires "call_ai_agent", which is not a property`)),
    );
  });

  it('handler-rules/handler-rule-fields-exist: inside an either-or (anyOf) rule', async () => {
    const problems = await problemsAfter((y) => y.replace('- required: [call_relay_context]', '- required: [call_relay_contxt]'));
    expect(problems).toContainEqual(expect.stringMatching(/handler-rules\/handler-rule-fields-exist  Handler rule allOf\[4\] requires "call_relay_contxt"/));
  });
});
