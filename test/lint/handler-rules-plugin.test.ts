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

/** Lints the copy with one edit applied to a file (the SIP rules file unless told); returns the problems. */
async function problemsAfter(edit: (yaml: string) => string, file = RULES_FILE, specRoot?: string): Promise<string[]> {
  const before = file === RULES_FILE ? original : await readFile(path.join(repo.root, file), 'utf8');
  const broken = edit(before);
  expect(broken, 'the edit must change the file').not.toBe(before);
  await writeFile(path.join(repo.root, file), broken);
  try {
    await lintAndBundle(repo.root, specRoot);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return [...(error as SpecError).problems];
  } finally {
    await writeFile(path.join(repo.root, file), before);
  }
}

const FIXTURE_ROOT = 'test/fixtures/multi-resource/openapi.yaml';
const TWO_DISCRIMINATORS_FILE = 'test/fixtures/multi-resource/components/schemas/UpdatePhoneNumberRequest.yaml';

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

  describe('on rules a schema states about a property it inherits through allOf', () => {
    const CREATE_FILE = 'spec/components/schemas/CreateSipEndpointRequest.yaml';
    const encryptionRules = (needs: string) =>
      [
        ['default', '[]'],
        ['required', needs],
        ['optional', '[]'],
      ]
        .map(([value, required]) => `  - if:\n      required: [encryption]\n      properties:\n        encryption:\n          const: ${value}\n    then:\n      required: ${required}\n`)
        .join('');
    const withRules = (needs: string) => (y: string) => y.replace('  - $ref: ./SipEndpointFields.yaml\n', `  - $ref: ./SipEndpointFields.yaml\n${encryptionRules(needs)}`);

    it('finds the inherited discriminator and fields', async () => {
      expect(await problemsAfter(withRules('[caller_id]'), CREATE_FILE)).toEqual([]);
    });

    it('still reports a field that neither the schema nor what it includes declares', async () => {
      const problems = await problemsAfter(withRules('[caller_name]'), CREATE_FILE);
      expect(problems).toEqual([expect.stringMatching(/CreateSipEndpointRequest\.yaml:\d+:\d+  error  handler-rules\/handler-rule-fields-exist  Handler rule allOf\[2\] requires "caller_name"/)]);
    });
  });

  describe('on a schema with two discriminators (the multi-resource fixture)', () => {
    // One lint run with three independent mistakes in the message_handler rules; the fixture as
    // written lints clean (test/model/fixture-spec.test.ts lints it).
    it('reports each mistake with the discriminator it concerns, and nothing about the other', async () => {
      const pinned = '      properties:\n        message_handler:\n          const: laml_webhooks';
      const edit = (y: string) =>
        y
          .replace('const: relay_application', 'const: relay_app')
          .replace(`      required: [message_handler]\n${pinned}`, pinned)
          .replace('required: [message_request_url]', 'required: [message_url]');
      const problems = await problemsAfter(edit, TWO_DISCRIMINATORS_FILE, FIXTURE_ROOT);
      expect(problems).toContainEqual(
        expect.stringMatching(/UpdatePhoneNumberRequest\.yaml:\d+:\d+  error  handler-rules\/handler-has-one-rule  Handler rule allOf\[4\] is for "relay_app", which is not a value of message_handler \(laml_webhooks, relay_application\)/),
      );
      expect(problems).toContainEqual(expect.stringMatching(/handler-has-one-rule {2}"relay_application" has no handler rule for message_handler/));
      expect(problems).toContainEqual(expect.stringMatching(/handler-rule-pins-discriminator {2}Handler rule allOf\[3\]: its "if" must list "message_handler" in "required"/));
      expect(problems).toContainEqual(expect.stringMatching(/handler-rule-fields-exist {2}Handler rule allOf\[3\] requires "message_url", which is not a property/));
      // The call_handler rules of the same schema are untouched and not reported.
      expect(problems.filter((p) => p.includes('call_handler'))).toEqual([]);
    });
  });
});
