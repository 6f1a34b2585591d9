/**
 * What the module contains, decided before any code is written: the schemas it checks, the
 * field groups their checks share, and a unique name for every function and constant.
 */
import type { ApiModel, FieldModel, HandlerRulesModel, ObjectModel, ObjectShape, TypeModel } from '../../model/types.ts';
import { SCHEMA_PREFIX } from '../../model/read-model.ts';
import { NamingError, ValidatorNames } from '../naming.ts';

/** The schemas users validate: every schema of the spec (objects and enums), in spec order. */
export function publicSchemaNames(model: ApiModel): string[] {
  return model.schemas.map((s) => s.name);
}

function objectByName(model: ApiModel, name: string): ObjectModel {
  const schema = model.schemas.find((s) => s.name === name);
  if (schema?.kind !== 'object') throw new Error(`validators: no object schema ${name}`);
  return schema;
}

/** The named object schemas a value of `type` may hold, at any depth. */
function objectRefs(type: TypeModel): string[] {
  switch (type.kind) {
    case 'object-ref':
      return [type.name];
    case 'array':
      return objectRefs(type.items);
    case 'union':
      return type.members.flatMap(objectRefs);
    case 'object':
      return [...type.fields.flatMap((f) => objectRefs(f.type)), ...(type.mapValue ? objectRefs(type.mapValue) : [])];
    default:
      return [];
  }
}

/** The public schemas and every object schema they reach, in model order. */
export function reachableSchemas(model: ApiModel, roots: readonly string[]): ObjectModel[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const schema = objectByName(model, name);
    for (const field of schema.fields) objectRefs(field.type).forEach(visit);
    if (schema.mapValue) objectRefs(schema.mapValue).forEach(visit);
  };
  roots.forEach(visit);
  return model.schemas.filter((s): s is ObjectModel => s.kind === 'object' && seen.has(s.name));
}

/** `SipEndpointFields` → `SIP_ENDPOINT_FIELDS`: a constant's name from any text. */
export function upperSnake(name: string): string {
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return /^[A-Z_]/.test(snake) ? snake : `_${snake}`;
}

/** Any text as an identifier: characters an identifier cannot hold become `_`. */
function toIdentifier(text: string): string {
  const name = text.replace(/[^A-Za-z0-9_$]/g, '_');
  return /^[A-Za-z_$]/.test(name) ? name : `_${name}`;
}

/**
 * The module's names. Exported names and check functions come from `ValidatorNames`
 * (`scripts/emit/naming.ts`), which refuses two sources for one name; the module's own helpers
 * (constants, functions for inline objects and unions) take a free name based on what they
 * hold, with a suffix when it is taken, since two fields of different schemas may well share
 * a name.
 */
export class ModuleNames {
  readonly validator: ValidatorNames;
  private internal = 0;

  constructor(module: string, reserved: Readonly<Record<string, string>>) {
    this.validator = new ValidatorNames(module, reserved);
  }

  /** A free name based on `wanted`. */
  fresh(wanted: string): string {
    const base = toIdentifier(wanted);
    const source = `a helper of the module (${++this.internal})`;
    for (let n = 1; ; n++) {
      try {
        return this.validator.scope.value(n === 1 ? base : `${base}_${n}`, source);
      } catch (error) {
        if (!(error instanceof NamingError)) throw error;
      }
    }
  }
}

/**
 * The fields one generated field check covers. Create and update list the same fields (all of
 * `SipEndpointFields`, through `allOf`) with the same handler rules, so they share one.
 */
export interface FieldGroup {
  /** The schema that defines every field, when one does, else the schema's own name. */
  owner: string;
  fields: readonly FieldModel[];
  handlerRules: readonly HandlerRulesModel[];
  /** True when some schema of the group rejects unknown properties. */
  needsKnownKeys: boolean;
  /** The type of every other property, for a map (`additionalProperties: {schema}`). */
  mapValue?: TypeModel;
}

function groupOwner(schema: ObjectModel): string {
  const owners = new Set(schema.fields.map((f) => f.pointer.slice(SCHEMA_PREFIX.length).split('/')[0]));
  const [only] = owners;
  return owners.size === 1 && only ? only : schema.name;
}

function groupKey(schema: ObjectModel): string {
  return JSON.stringify([schema.fields.map((f) => [f.name, f.type]), schema.handlerRules.map((r) => [r.pointer, r.discriminator]), schema.mapValue ?? null]);
}

/** The group of an object that no other shares (an inline object). */
export function ownGroup(owner: string, shape: ObjectShape): FieldGroup {
  return {
    owner,
    fields: shape.fields,
    handlerRules: [],
    needsKnownKeys: shape.unknownProperties === 'reject',
    ...(shape.unknownProperties === 'map' && shape.mapValue && { mapValue: shape.mapValue }),
  };
}

/** The field groups, and for each schema its group. */
export function planGroups(schemas: readonly ObjectModel[]): { groups: FieldGroup[]; groupOf: Map<string, FieldGroup> } {
  const byKey = new Map<string, FieldGroup>();
  const groupOf = new Map<string, FieldGroup>();
  for (const schema of schemas) {
    const key = groupKey(schema);
    let group = byKey.get(key);
    if (!group) {
      group = { ...ownGroup(groupOwner(schema), schema), handlerRules: schema.handlerRules, needsKnownKeys: false };
      byKey.set(key, group);
    }
    if (schema.unknownProperties === 'reject') group.needsKnownKeys = true;
    groupOf.set(schema.name, group);
  }
  return { groups: [...byKey.values()], groupOf };
}
