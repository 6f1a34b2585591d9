/**
 * A stored item as the API returns it: every field of the resource's descriptor, in spec order,
 * each from where the descriptor says (the store's id, a constant of the spec, or what was sent),
 * null when unset and nullable, else the value the spec gives an unset field (an optional field
 * the spec gives none is left out). Fields a request may send but the response does not
 * declare, or declares write-only, are not in the descriptor, so they can never be returned.
 */
import type { ResourceDescriptor, ResponseField } from './resource-descriptor.ts';
import type { ItemFields, StoredItem } from './store.ts';

/** The value a field answers with for `item`. */
export function fieldValue(field: ResponseField, item: StoredItem): unknown {
  const { source } = field;
  if (source.kind === 'id') return item.id;
  if (source.kind === 'constant') return source.value;
  const value = item.fields[field.name];
  if (value === undefined) return field.nullable ? null : source.unset;
  // An array the server fills when unset goes back to that fill when sent empty (a setting reset).
  if (Array.isArray(value) && value.length === 0 && Array.isArray(source.unset)) return source.unset;
  return value;
}

export function representation(resource: ResourceDescriptor, item: StoredItem): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of resource.fields) {
    const value = fieldValue(field, item);
    if (value !== undefined) body[field.name] = value;
  }
  return body;
}

/**
 * The fields of a request body the store keeps: those the resource answers with from what was
 * sent, and its unique fields (which may be write-only). Nothing else is kept, write-only secrets included.
 */
export function storedFields(resource: ResourceDescriptor, body: ItemFields): ItemFields {
  const kept: ItemFields = {};
  for (const field of resource.fields) {
    if (field.source.kind === 'sent' && body[field.name] !== undefined) kept[field.name] = body[field.name];
  }
  for (const name of resource.uniqueFields) if (body[name] !== undefined) kept[name] = body[name];
  return kept;
}
