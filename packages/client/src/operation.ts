/**
 * The shapes generated code fills in (`generated/operations.ts`, `generated/resources.ts`) and
 * the runtime reads: one entry per operation of the spec, and how a list answer pages.
 */

/** Throws `ValidationError` listing every problem when `body` does not match the schema. */
export type BodyAssertion = (body: unknown) => void;

export interface ClientOperation {
  readonly operationId: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Below the server URL, with `{param}` placeholders. */
  readonly path: string;
  /** Every 2xx status the spec lists, ascending, with the schema of its body when it has one. */
  readonly successes: readonly { readonly status: number; readonly schema?: string; readonly assertBody?: BodyAssertion }[];
  readonly requestBody?: { readonly schema: string; readonly assertBody: BodyAssertion };
  /** The names of the `{param}` placeholders of `path`, in order. */
  readonly pathParameters: readonly string[];
  readonly queryParameters: readonly { readonly name: string; readonly kind: 'string' | 'integer' }[];
}

/** Where a list answer keeps its items and the link to the next page. */
export interface PagingDescriptor {
  /** The property of the answer holding the page's items (an array). */
  readonly items: string;
  /** The property of the answer holding the links object. */
  readonly links: string;
  /** The property of the links object with the next page's URL. */
  readonly next: string;
  /** The property of the links object with the page's own URL, when the spec gives one. */
  readonly self?: string;
}
