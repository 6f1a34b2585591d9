/**
 * The validators compared, each as a function from a body to a result that is stored in the
 * sink (so the work cannot be optimised away) and a verdict read from that result.
 *
 * - ours (collect all): `X['~standard'].validate`, every issue built.
 * - ours (isX): `isX`, the boolean entry, which stops at the first problem.
 * - Ajv fail-fast / Ajv allErrors: Ajv 2020 compiled from the bundled spec.
 * - zod 4: the create body written the natural way, `z.strictObject` plus `superRefine` for
 *   the handler rules (run even when a field already failed, so every issue is reported).
 * - TypeBox 0.34 compiled and arktype 2: a union of strict variants (see `peers.ts`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { z } from 'zod';
import { objectSchema, readModel } from '../../scripts/model/read-model.ts';
import { REPO_ROOT } from '../../scripts/repo-root.ts';
import { arktypeSchema, typeboxCheck } from './peers.ts';
import type { WideScenario } from './wide-schema.ts';

const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

/** The schema every library checks. */
const SCHEMA = 'CreateSipEndpointRequest';

export interface Library {
  /** Validates one body; the return value goes to the sink. */
  run: (body: unknown) => unknown;
  /** Whether the stored result means "valid". */
  accepted: (result: unknown) => boolean;
  /** For libraries that promise every problem: how many the result lists (checked before timing). */
  issueCount?: (result: unknown) => number;
}

/** What a case validates against: the spec and our generated validators for it. */
interface Target {
  spec: Record<string, unknown>;
  validators: Record<string, any>;
}

function ajv({ spec }: Target, allErrors: boolean): Library {
  const instance = new Ajv2020({ allErrors, strict: true, strictRequired: false, strictTypes: false, validateFormats: true });
  addFormats(instance);
  // The spec's `x-` extensions (at the top level and on properties) are annotations to Ajv.
  const extensions = [...new Set(JSON.stringify(spec).match(/"x-[^"]+"(?=:)/g) ?? [])].map((key) => JSON.parse(key) as string);
  instance.addVocabulary(['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components', 'webhooks', 'example', ...extensions]);
  instance.addSchema(spec, 'openapi.json');
  const validate = instance.getSchema(`openapi.json#/components/schemas/${SCHEMA}`)!;
  // The error list is the result Ajv users read, so it is kept with the verdict.
  return { run: (body) => (validate(body) ? true : validate.errors), accepted: (result) => result === true };
}

function oursCollect({ validators }: Target): Library {
  const schema = validators[SCHEMA];
  return {
    run: (body) => schema['~standard'].validate(body),
    accepted: (result) => (result as { issues?: unknown }).issues === undefined,
    issueCount: (result) => (result as { issues?: unknown[] }).issues?.length ?? 0,
  };
}

function oursIs({ validators }: Target): Library {
  const is = validators[`is${SCHEMA}`] as (value: unknown) => boolean;
  return { run: (body) => is(body), accepted: (result) => result === true };
}

function zodNatural({ spec }: Target): Library {
  const HttpMethod = z.enum(['GET', 'POST']);
  // The handler rules come from the spec (through the model), as for our validators.
  const rules = objectSchema(readModel(spec), SCHEMA).handlerRules[0]!;
  const handlerNeeds: Record<string, readonly (readonly string[])[]> = Object.fromEntries(rules.rules.map((r) => [r.handler, r.alternatives]));
  const schema = z
    .strictObject({
      username: z.string().regex(/^[^\s@]+$/u),
      password: z.string(),
      caller_id: z.string().optional(),
      send_as: z.string().optional(),
      // Like the spec, any cipher or codec string is accepted (the known ones are listed for docs).
      ciphers: z.array(z.string()).optional(),
      codecs: z.array(z.string()).optional(),
      encryption: z.enum(['default', 'required', 'optional']).optional(),
      call_handler: z.enum(Object.keys(handlerNeeds) as [string, ...string[]]).optional(),
      call_request_url: z.url().optional(),
      call_request_method: HttpMethod.optional(),
      call_fallback_url: z.url().optional(),
      call_fallback_method: HttpMethod.optional(),
      call_status_callback_url: z.url().optional(),
      call_status_callback_method: HttpMethod.optional(),
      call_laml_application_id: z.string().optional(),
      call_dialogflow_agent_id: z.string().optional(),
      call_relay_topic: z.string().optional(),
      call_relay_topic_status_callback_url: z.url().optional(),
      call_relay_context: z.string().optional(),
      call_relay_context_status_callback_url: z.url().optional(),
      call_relay_application: z.string().optional(),
      call_relay_script_url: z.url().optional(),
      call_video_room_id: z.uuid().optional(),
      call_flow_id: z.uuid().optional(),
      call_flow_version: z.enum(['working_copy', 'current_deployed']).optional(),
      call_ai_agent_id: z.uuid().optional(),
    })
    .superRefine(
      (body, ctx) => {
        const record = body as Record<string, unknown>;
        const handler = record.call_handler;
        const alternatives = typeof handler === 'string' ? handlerNeeds[handler] : undefined;
        if (!alternatives || alternatives.length === 0) return;
        if (!alternatives.some((fields) => fields.every((f) => record[f] !== undefined))) {
          ctx.addIssue({ code: 'custom', path: [alternatives[0]![0]!], message: `required when call_handler is '${handler}'` });
        }
      },
      // Without `when`, zod skips the refinement once another field has failed.
      { when: () => true },
    );
  return {
    run: (body) => schema.safeParse(body),
    accepted: (result) => (result as { success: boolean }).success,
    issueCount: (result) => (result as { error?: { issues: unknown[] } }).error?.issues.length ?? 0,
  };
}

function typebox({ spec }: Target): Library {
  const check = typeboxCheck(objectSchema(readModel(spec), SCHEMA));
  return { run: (body) => check(body), accepted: (result) => result === true };
}

function arktypeAllows({ spec }: Target): Library {
  const schema = arktypeSchema(objectSchema(readModel(spec), SCHEMA));
  return { run: (body) => schema.allows(body), accepted: (result) => result === true };
}

export const SIP_LIBRARIES = {
  'ours (collect all)': oursCollect,
  'ours (isX)': oursIs,
  'Ajv fail-fast': (target: Target) => ajv(target, false),
  'Ajv allErrors': (target: Target) => ajv(target, true),
  'zod 4 natural': zodNatural,
  'TypeBox 0.34 compiled': typebox,
  'arktype 2 allows': arktypeAllows,
} as const satisfies Record<string, (target: Target) => Library>;

export const WIDE_LIBRARIES = {
  'ours (collect all)': oursCollect,
  'ours (isX)': oursIs,
  'Ajv fail-fast': (target: Target) => ajv(target, false),
} as const satisfies Record<string, (target: Target) => Library>;

export type LibraryName = keyof typeof SIP_LIBRARIES;

/** The library `name` on the SIP spec (`scenario` "sip") or on a wide spec written to `dir`. */
export async function loadLibrary(scenario: 'sip' | WideScenario, name: LibraryName, dir?: string): Promise<Library> {
  if (scenario === 'sip') {
    const spec = JSON.parse(readFileSync(path.join(REPO_ROOT, 'generated/openapi.json'), 'utf8'));
    return SIP_LIBRARIES[name]({ spec, validators: await import('@sip-endpoints/validators') });
  }
  if (!dir || !(name in WIDE_LIBRARIES)) throw new Error(`no ${name} for ${scenario}`);
  const spec = JSON.parse(readFileSync(path.join(dir, 'openapi.json'), 'utf8'));
  const validators = await import(pathToFileURL(path.join(dir, 'validators.ts')).href);
  return WIDE_LIBRARIES[name as keyof typeof WIDE_LIBRARIES]({ spec, validators });
}
