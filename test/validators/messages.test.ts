/**
 * Issues are written for people: every problem is reported (not only the first), each with the
 * codes, paths, handlers and spec pointers the package documents, and messages that name the field
 * and the reason without Ajv's "must match then schema" noise or a collapsed union error.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  assertCreateSipEndpointRequest,
  CreateSipEndpointRequest,
  isCreateSipEndpointRequest,
  SipEndpoint,
  SipEndpointListResponse,
  UpdateSipEndpointRequest,
  ValidationError,
  type ValidationIssue,
} from '@sip-endpoints/validators';
import { readBundledSpec } from '../support/repo.ts';
import { loadValidators } from './support/load-generated.ts';
import { formatPath, missing, notInEnum, quoteNames } from '../../packages/validators/src/runtime/report.ts';

const CREDENTIALS = { username: 'alice', password: 'correct-horse' };

function issuesOf(schema: { '~standard': { validate: (v: unknown) => { issues?: readonly ValidationIssue[] } } }, value: unknown): readonly ValidationIssue[] {
  const issues = schema['~standard'].validate(value).issues;
  if (!issues) throw new Error('expected issues');
  return issues;
}

/** Resolves a `#/a/b` pointer in the bundled spec. */
function resolve(spec: unknown, pointer: string): unknown {
  return pointer
    .slice(2)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, token) => (node as Record<string, unknown> | undefined)?.[token], spec);
}

describe('the documented example messages', () => {
  it('names the field and the handler for a handler rule', () => {
    const [issue, ...rest] = issuesOf(CreateSipEndpointRequest, { ...CREDENTIALS, call_handler: 'laml_webhooks' });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      code: 'required_for_handler',
      path: ['call_request_url'],
      handler: 'laml_webhooks',
      message: "call_request_url is required when call_handler is 'laml_webhooks'",
      specPointer: expect.stringMatching(/^#\/components\/schemas\/SipEndpointFields\/allOf\/\d+\/then$/),
    });
  });

  it('names the alias for relay_topic and relay_context, in create and update', () => {
    for (const schema of [CreateSipEndpointRequest, UpdateSipEndpointRequest]) {
      for (const handler of ['relay_topic', 'relay_context']) {
        const issues = issuesOf(schema, { ...CREDENTIALS, call_handler: handler });
        expect(issues.map((i) => i.message)).toEqual([`call_${handler} (or call_relay_application) is required when call_handler is '${handler}'`]);
      }
      expect(schema['~standard'].validate({ ...CREDENTIALS, call_handler: 'relay_topic', call_relay_application: 'app' }).issues).toBeUndefined();
    }
  });

  it('suggests the known name for a misspelt property', () => {
    const issues = issuesOf(CreateSipEndpointRequest, { ...CREDENTIALS, call_request_ur: 'https://example.org' });
    expect(issues).toEqual([
      expect.objectContaining({ code: 'unknown_property', path: ['call_request_ur'], suggestion: 'call_request_url', message: 'call_request_ur is not a known property; did you mean call_request_url?' }),
    ]);
  });

  it('does not suggest anything for an unrelated property', () => {
    const [issue] = issuesOf(UpdateSipEndpointRequest, { favourite_colour: 'blue' });
    expect(issue!.message).toBe('favourite_colour is not a known property');
    expect(issue!.suggestion).toBeUndefined();
  });

  it("words a pattern problem as the spec's x-pattern-message does, never echoing the value", () => {
    const [issue] = issuesOf(CreateSipEndpointRequest, { ...CREDENTIALS, username: 'alice@example' });
    expect(issue).toMatchObject({ code: 'pattern', path: ['username'], message: 'username must not contain whitespace or @' });
  });

  it('falls back to naming the pattern when the spec gives no words for it', async () => {
    const spec = await readBundledSpec();
    delete spec.components.schemas.SipEndpointFields.properties.username['x-pattern-message'];
    const { module } = await loadValidators(spec);
    const [issue] = module.CreateSipEndpointRequest['~standard'].validate({ ...CREDENTIALS, username: 'a b' }).issues;
    expect(issue.message).toBe('username does not match the pattern ^[^\\s@]+$');
  });

  it('lists the allowed values of an enum', () => {
    const [issue] = issuesOf(CreateSipEndpointRequest, { ...CREDENTIALS, encryption: 'always' });
    expect(issue).toMatchObject({ code: 'invalid_enum', path: ['encryption'], allowed: ['default', 'required', 'optional'] });
    expect(issue!.message).toBe("encryption must be one of 'default', 'required', 'optional', got 'always'");
  });
});

describe('every problem is reported', () => {
  it('reports three unrelated problems as exactly three issues, with no meta-errors', () => {
    const issues = issuesOf(CreateSipEndpointRequest, { username: 'al ice', password: 'x', codecs: ['OPUS', 711], call_handler: 'relay_topic' });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ['pattern', ['username']],
      ['invalid_type', ['codecs', 1]],
      ['required_for_handler', ['call_relay_topic']],
    ]);
    for (const issue of issues) expect(issue.message).not.toMatch(/must match|schema|anyOf|allOf|\bif\b/);
  });

  it('uses each documented code', () => {
    const issues = [
      ...issuesOf(CreateSipEndpointRequest, { password: 5, call_handler: 'video_room', call_request_url: 'not a uri', encryption: 'nope', extra: true }),
      ...issuesOf(UpdateSipEndpointRequest, { username: 'a@b' }),
    ];
    expect(new Set(issues.map((i) => i.code))).toEqual(
      new Set(['required', 'required_for_handler', 'unknown_property', 'invalid_type', 'invalid_enum', 'invalid_format', 'pattern']),
    );
  });

  it('gives paths into nested responses', () => {
    const issues = issuesOf(SipEndpointListResponse, { links: { self: '/x' }, data: [{}, 'x'] });
    expect(issues.map((i) => i.path)).toContainEqual(['links', 'first']);
    expect(issues.map((i) => i.path)).toContainEqual(['data', 0, 'id']);
    expect(issues.find((i) => i.path.join('.') === 'data.1')!.message).toBe('data[1] must be an object, got a string');
  });
});

describe('spec pointers', () => {
  let spec: Record<string, unknown>;
  beforeAll(async () => {
    spec = await readBundledSpec();
  });

  it('point at an existing node of generated/openapi.json for every kind of issue', () => {
    const issues = [
      ...issuesOf(CreateSipEndpointRequest, { password: 5, username: 'a@b', call_handler: 'video_room', call_request_url: 'x', encryption: 'n', extra: 1, codecs: [1] }),
      ...issuesOf(SipEndpointListResponse, { links: {}, data: [{ id: 'x' }] }),
      ...issuesOf(SipEndpoint, []),
    ];
    expect(issues.length).toBeGreaterThan(10);
    for (const issue of issues) expect(resolve(spec, issue.specPointer), `${issue.code} ${issue.specPointer}`).toBeDefined();
  });
});

describe('ValidationError', () => {
  it('is thrown by assertX with every issue, and lists them in its message', () => {
    let caught: unknown;
    try {
      assertCreateSipEndpointRequest({ call_handler: 'laml_webhooks' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect(caught).toBeInstanceOf(Error);
    const error = caught as ValidationError;
    expect(error.name).toBe('ValidationError');
    expect(error.issues.map((i) => i.code)).toEqual(['required', 'required', 'required_for_handler']);
    expect(error.message).toBe(
      [
        'Invalid CreateSipEndpointRequest (3 issues):',
        '  - username is required',
        '  - password is required',
        "  - call_request_url is required when call_handler is 'laml_webhooks'",
      ].join('\n'),
    );
  });

  it('never carries the password value, whatever is wrong with the body', () => {
    const secret = 'hunter2-SECRET';
    const bodies = [
      { username: 'a b', password: secret, call_handler: 'nope', surplus: 1 },
      { password: [secret], codecs: ['G711'] },
      { password: { value: secret }, encryption: 'x' },
    ];
    for (const body of bodies) {
      const issues = issuesOf(CreateSipEndpointRequest, body);
      const messages = `${new ValidationError('CreateSipEndpointRequest', issues).message}\n${JSON.stringify(issues)}`;
      expect(messages).not.toContain('hunter2');
    }
  });

  it('does not throw for a valid body, and isX agrees with validate', () => {
    const body = { ...CREDENTIALS, call_handler: 'laml_webhooks', call_request_url: 'https://example.org/hook' };
    expect(() => assertCreateSipEndpointRequest(body)).not.toThrow();
    expect(isCreateSipEndpointRequest(body)).toBe(true);
    expect(isCreateSipEndpointRequest({ ...body, call_request_url: undefined })).toBe(false);
  });
});

describe('locations in messages match formatPath', () => {
  it('quotes a property name that is not a plain identifier, at the top and in an array', () => {
    // What the generated module declares for a spec with such names (see the emitter test).
    quoteNames(['x-foo', 'odd key']);
    expect(missing(undefined, [], 'x-foo', '#')[0]!.message).toBe("['x-foo'] is required");
    expect(missing(undefined, [], 'caller_id', '#')[0]!.message).toBe('caller_id is required');
    const [item] = notInEnum(undefined, ['odd key'], 0, ['a'], false, 'b', '#');
    expect(item!.message).toBe(`${formatPath(item!.path)} must be one of 'a', got 'b'`);
    expect(item!.message.startsWith("['odd key'][0]")).toBe(true);
    const [plain] = notInEnum(undefined, ['codecs'], 1, ['OPUS'], false, 'G711', '#');
    expect(plain!.message).toBe("codecs[1] must be one of 'OPUS', got 'G711'");
    const [nested] = missing(undefined, ['data', 0], 'id', '#');
    expect(nested!.message).toBe('data[0].id is required');
  });
});
