/**
 * The validators compared, each as a function from a body to a result that is stored in the
 * sink (so the work cannot be optimised away) and a verdict read from that result.
 *
 * - ours (collect all): `CreateSipEndpointRequest['~standard'].validate`, every issue built.
 * - ours (is): `isCreateSipEndpointRequest`, the boolean entry.
 * - Ajv fail-fast / Ajv allErrors: Ajv 2020 compiled from generated/openapi.json.
 * - zod 4: the create body written the natural way, `z.strictObject` plus `superRefine` for
 *   the handler rules, `safeParse`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { z } from 'zod';
import { CreateSipEndpointRequest, isCreateSipEndpointRequest } from '@sip-endpoints/validators';
import { objectSchema, readModel, SCHEMA_EXTENSIONS } from '../../scripts/model/read-model.ts';

const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
import { REPO_ROOT as ROOT } from '../../scripts/repo-root.ts';

export interface Library {
  /** Validates one body; the return value goes to the sink. */
  run: (body: unknown) => unknown;
  /** Whether the stored result means "valid". */
  accepted: (result: unknown) => boolean;
  /** For libraries that collect every problem: how many the result lists. */
  issueCount?: (result: unknown) => number;
}

function readSpec(): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(ROOT, 'generated/openapi.json'), 'utf8'));
}

function ajv(allErrors: boolean): Library {
  const spec = readSpec();
  const instance = new Ajv2020({ allErrors, strict: true, strictRequired: false, strictTypes: false, validateFormats: true });
  addFormats(instance);
  instance.addVocabulary(['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components', 'webhooks', 'example', 'x-generated', ...SCHEMA_EXTENSIONS]);
  instance.addSchema(spec, 'openapi.json');
  const validate = instance.getSchema('openapi.json#/components/schemas/CreateSipEndpointRequest')!;
  return {
    // The error list is the result Ajv users read, so it is kept with the verdict.
    run: (body) => (validate(body) ? true : validate.errors),
    accepted: (result) => result === true,
    ...(allErrors && { issueCount: (result: unknown) => (result === true ? 0 : (result as unknown[]).length) }),
  };
}

function zodNatural(): Library {
  const Cipher = z.enum(['AEAD_AES_256_GCM_8', 'AES_256_CM_HMAC_SHA1_80', 'AES_CM_128_HMAC_SHA1_80', 'AES_256_CM_HMAC_SHA1_32', 'AES_CM_128_HMAC_SHA1_32']);
  const Codec = z.enum(['OPUS', 'G722', 'PCMU', 'PCMA', 'G729', 'VP8', 'H264']);
  const HttpMethod = z.enum(['GET', 'POST']);
  // The handler rules come from the spec (through the model), as for our validators: the
  // comparison is about how each library checks them, not about who wrote them down.
  const rules = objectSchema(readModel(readSpec()), 'CreateSipEndpointRequest').handlerRules[0]!;
  const handlerNeeds: Record<string, readonly (readonly string[])[]> = Object.fromEntries(rules.rules.map((r) => [r.handler, r.alternatives]));
  const schema = z
    .strictObject({
      username: z.string().regex(/^[^\s@]+$/u),
      password: z.string(),
      caller_id: z.string().optional(),
      send_as: z.string().optional(),
      ciphers: z.array(Cipher).optional(),
      codecs: z.array(Codec).optional(),
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
    .superRefine((body, ctx) => {
      const alternatives = body.call_handler ? handlerNeeds[body.call_handler] : undefined;
      if (!alternatives || alternatives.length === 0) return;
      const record = body as Record<string, unknown>;
      if (!alternatives.some((fields) => fields.every((f) => record[f] !== undefined))) {
        ctx.addIssue({ code: 'custom', path: [alternatives[0]![0]!], message: `required when call_handler is '${body.call_handler}'` });
      }
    });
  return {
    run: (body) => schema.safeParse(body),
    accepted: (result) => (result as { success: boolean }).success,
  };
}

export const LIBRARIES = {
  'ours (collect all)': (): Library => ({
    run: (body) => CreateSipEndpointRequest['~standard'].validate(body),
    accepted: (result) => (result as { issues?: unknown }).issues === undefined,
    issueCount: (result) => (result as { issues?: unknown[] }).issues?.length ?? 0,
  }),
  'ours (isX)': (): Library => ({ run: (body) => isCreateSipEndpointRequest(body), accepted: (result) => result === true }),
  'Ajv fail-fast': () => ajv(false),
  'Ajv allErrors': () => ajv(true),
  'zod 4 natural': zodNatural,
} as const satisfies Record<string, () => Library>;

export type LibraryName = keyof typeof LIBRARIES;
export const LIBRARY_NAMES = Object.keys(LIBRARIES) as LibraryName[];
