/**
 * Synthetic specs for the scale bench, made from the committed bundle (generated/openapi.json):
 *
 * - `manyResources(spec, n)`: the spec's resource n times over. Copy k > 1 has every path under
 *   `/copy{k}`, every component renamed with the suffix k (and every `$ref` to it), every tag
 *   and operationId suffixed: "SIP Endpoints 7", `listSipEndpoints7`, `SipEndpoint7`.
 * - `manyFields(spec, n)`: n extra optional string properties on the object schema with the
 *   most properties (the resource's fields).
 */

type Json = any;

const COPIED_SECTIONS = ['schemas', 'parameters', 'responses', 'examples', 'requestBodies', 'headers'];

function renameRefs(value: Json, rename: (ref: string) => string): Json {
  if (Array.isArray(value)) return value.map((item) => renameRefs(item, rename));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, key === '$ref' && typeof inner === 'string' ? rename(inner) : renameRefs(inner, rename)]));
}

function withoutMarker(spec: Json): Json {
  const { 'x-generated': _marker, ...rest } = structuredClone(spec);
  return rest;
}

export function manyResources(bundle: Json, copies: number): Json {
  const spec = withoutMarker(bundle);
  const original = structuredClone(spec);
  for (let k = 2; k <= copies; k++) {
    const rename = (ref: string) => {
      const match = /^#\/components\/([^/]+)\/(.+)$/.exec(ref);
      return match && COPIED_SECTIONS.includes(match[1]!) ? `${ref}${k}` : ref;
    };
    for (const section of COPIED_SECTIONS) {
      for (const [name, component] of Object.entries<Json>(original.components?.[section] ?? {})) {
        const copy = renameRefs(component, rename);
        if (section === 'schemas' && typeof copy.title === 'string') copy.title = `${copy.title}${k}`;
        spec.components[section][`${name}${k}`] = copy;
      }
    }
    for (const [route, item] of Object.entries<Json>(original.paths)) {
      const copy = renameRefs(item, rename);
      for (const operation of Object.values<Json>(copy)) {
        if (operation === null || typeof operation !== 'object' || !('responses' in operation)) continue;
        if (operation.operationId) operation.operationId = `${operation.operationId}${k}`;
        if (Array.isArray(operation.tags)) operation.tags = operation.tags.map((tag: string) => `${tag} ${k}`);
      }
      spec.paths[`/copy${k}${route}`] = copy;
    }
    for (const tag of original.tags ?? []) spec.tags.push({ ...tag, name: `${tag.name} ${k}` });
  }
  return spec;
}

export function manyFields(bundle: Json, fields: number): Json {
  const spec = withoutMarker(bundle);
  const [, target] = Object.entries<Json>(spec.components.schemas)
    .filter(([, schema]) => schema.properties)
    .sort(([, a], [, b]) => Object.keys(b.properties).length - Object.keys(a.properties).length)[0]!;
  for (let i = 1; i <= fields; i++) {
    target.properties[`extra_field_${String(i).padStart(4, '0')}`] = { type: 'string', description: `Extra field ${i}.` };
  }
  return spec;
}
