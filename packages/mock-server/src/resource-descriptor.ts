/**
 * The runtime shapes the generated route table fills in: each route, and each resource (the
 * operations that share a tag) with what the generic store needs to serve it. The generator
 * (`scripts/emit/mock-routes.ts`) writes values of these types; nothing here knows a resource.
 */
import type { ValidationResult } from '@sip-endpoints/validators';

/** A Standard Schema validator of @sip-endpoints/validators: `validate` answers synchronously. */
export interface BodyValidator {
  readonly '~standard': { readonly validate: (value: unknown) => ValidationResult<unknown> };
}

export interface RouteParameter {
  readonly name: string;
  readonly required: boolean;
  readonly kind: 'string' | 'integer';
  /** The mock checks `uri` and `uuid`; other formats are accepted as any string. */
  readonly format?: 'uri' | 'uuid' | 'date-time' | 'email';
  readonly minimum?: number;
  readonly maximum?: number;
  readonly default?: string | number;
}

export interface RouteDescriptor<Id extends string = string> {
  readonly operationId: Id;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Below `basePath`, with `{param}` placeholders. */
  readonly path: string;
  readonly pathParameters: readonly RouteParameter[];
  readonly queryParameters: readonly RouteParameter[];
  /** Ascending; the mock answers the first unless told otherwise. */
  readonly successStatuses: readonly number[];
  readonly errorStatuses: readonly number[];
  readonly requestBody?: { readonly schema: string; readonly required: boolean; readonly validator: BodyValidator };
}

/** What an operation does to its resource, inferred from its method and path. */
export type CrudRole = 'list' | 'create' | 'retrieve' | 'update' | 'delete';

/**
 * Where a response field's value comes from:
 * - `id`: the id the store gave the item when it was created;
 * - `constant`: always `value` (a `const` or a one-value enum in the spec);
 * - `sent`: what a request set, else `null` when the field is nullable, else `unset` (the spec's
 *   default or example, or a value of the field's type), else (an optional field) nothing.
 */
export type FieldSource =
  | { readonly kind: 'id' }
  | { readonly kind: 'constant'; readonly value: unknown }
  | { readonly kind: 'sent'; readonly unset?: unknown };

/** One property of the item schema that the mock answers. */
export interface ResponseField {
  readonly name: string;
  readonly nullable: boolean;
  /** Listed in the response schema's `required`. */
  readonly required: boolean;
  readonly source: FieldSource;
}

/** How a list query parameter selects items. */
export interface ListFilter {
  readonly parameter: string;
  /** The response field it reads. */
  readonly field: string;
  /** `contains`: case-insensitive substring of a string value; `equals`: the same text. */
  readonly match: 'contains' | 'equals';
}

/** The list operation's paging: where the items and links go, and which parameters page. */
export interface PagingDescriptor {
  readonly itemsProperty: string;
  readonly linksProperty: string;
  /** The link relations the links object declares, among self, first, next and prev. */
  readonly links: readonly ('self' | 'first' | 'next' | 'prev')[];
  readonly pageSizeParameter?: string;
  readonly pageNumberParameter?: string;
  readonly pageTokenParameter?: string;
}

/** An item the store starts with: its id and the fields it answers with from what was "sent". */
export interface ItemSeed {
  readonly id: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface ResourceDescriptor {
  /** The tag that groups the resource's operations, as written in the spec. */
  readonly name: string;
  /** Every operation of the tag, with its CRUD role (none for an operation that fits none). */
  readonly operations: readonly { readonly operationId: string; readonly role?: CrudRole }[];
  /** The path parameter that names an item (`{id}`), when the resource has item operations. */
  readonly idParameter?: string;
  /** The item schema's fields the mock answers, in spec order. */
  readonly fields: readonly ResponseField[];
  /** Fields no two items may share (`x-unique: true` on a request property). */
  readonly uniqueFields: readonly string[];
  readonly filters: readonly ListFilter[];
  /**
   * Items the store starts with: for a resource the API gives no create operation, the items of
   * its list operation's response examples (so that retrieve and update have something to act on).
   */
  readonly seed?: readonly ItemSeed[];
  /** The list operation's URL path (base path included), which page links point at. */
  readonly listPath?: string;
  readonly paging?: PagingDescriptor;
}
