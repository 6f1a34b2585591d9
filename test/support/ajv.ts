/**
 * Ajv 2020 compiled from the bundled spec: the independent oracle the tests compare against.
 * It reads generated/openapi.json as any stock JSON Schema tool would; nothing here knows
 * about handlers.
 */
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { SCHEMA_EXTENSIONS } from '../../scripts/model/read-model.ts';

const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

export function compileSpecSchemas(spec: Record<string, unknown>): (schemaName: string) => ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, strictTypes: false, validateFormats: true });
  addFormats(ajv);
  // OpenAPI keywords around and inside the schemas are annotations to Ajv.
  ajv.addVocabulary(['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components', 'webhooks', 'example', 'x-generated', ...SCHEMA_EXTENSIONS]);
  ajv.addSchema(spec, 'openapi.json');
  return (schemaName) => {
    const validate = ajv.getSchema(`openapi.json#/components/schemas/${schemaName}`);
    if (!validate) throw new Error(`no schema ${schemaName}`);
    return validate;
  };
}
