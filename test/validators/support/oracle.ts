/**
 * The two validators side by side: ours (the generated code) and Ajv 2020 compiled from
 * generated/openapi.json (test/support/ajv.ts), so each test compares verdicts in one call.
 */
import type { ValidateFunction } from 'ajv';
import * as validators from '@sip-endpoints/validators';
import type { SipEndpointsSchema, ValidationIssue } from '@sip-endpoints/validators';
import { compileSpecSchemas } from '../../support/ajv.ts';
import { readBundledSpec } from '../../support/repo.ts';
import { readModel } from '../../../scripts/model/read-model.ts';
import type { ApiModel } from '../../../scripts/model/types.ts';

/** The schemas the package exports, by name. */
export const SCHEMA_NAMES = ['CreateSipEndpointRequest', 'UpdateSipEndpointRequest', 'SipEndpoint', 'SipEndpointListResponse'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

export function ourSchema(name: SchemaName): SipEndpointsSchema<unknown> {
  return validators[name] as SipEndpointsSchema<unknown>;
}

export function ourIssues(name: SchemaName, body: unknown): readonly ValidationIssue[] | undefined {
  return ourSchema(name)['~standard'].validate(body).issues;
}

export interface Oracle {
  spec: Record<string, any>;
  model: ApiModel;
  ajv: (name: string) => ValidateFunction;
}

export async function loadOracle(): Promise<Oracle> {
  const spec = await readBundledSpec();
  return { spec, model: readModel(spec), ajv: compileSpecSchemas(spec) };
}

/** Both verdicts for one body; `body` is echoed in every assertion message by the callers. */
export function verdicts(oracle: Oracle, name: SchemaName, body: unknown): { ours: boolean; ajv: boolean; issues: readonly ValidationIssue[] | undefined } {
  const issues = ourIssues(name, body);
  // `isX` stops at the first problem: it must still give the verdict of the full check.
  const is = (validators[`is${name}`] as (value: unknown) => boolean)(body);
  if (is !== (issues === undefined)) throw new Error(`is${name} says ${is} but the full check found ${issues?.length ?? 0} issue(s) in ${show(body)}`);
  return { ours: issues === undefined, ajv: oracle.ajv(name)(body) === true, issues };
}

/** JSON for a failure message; undefined-valued keys shown, since they matter here. */
export function show(body: unknown): string {
  return JSON.stringify(body, (_k, v: unknown) => (v === undefined ? '<undefined>' : v));
}
