/**
 * The in-memory items of one resource of the mock project, whatever the resource.
 *
 * Items are kept in creation order (an array sorted by a sequence number that only grows, plus a
 * Map by id), so that a page is found by binary search and read in O(page size), and a page token
 * can name the last item seen (a keyset cursor) instead of a position that deletes would shift.
 * A delete leaves a hole that later reads skip; holes are swept out once they are as many as the
 * items, so skipping them costs O(1) per operation on average. Fields a resource marks unique are
 * indexed by value. The number of items is capped (`maxItems`): the store is a mock, and must not
 * let a runaway test grow a process without bound.
 */
import { randomUUID } from 'node:crypto';

export type ItemFields = Record<string, unknown>;

export interface StoredItem {
  readonly id: string;
  /** Increases with every create in the store; never reused. The list order and the cursor key. */
  readonly sequence: number;
  /** The fields as last sent, only those the resource answers with. */
  fields: ItemFields;
  /** Set once deleted: the item stays in `order` as a hole until the next sweep. */
  deleted: boolean;
}

/** The default cap on the items of one resource. */
export const DEFAULT_MAX_ITEMS = 10_000;

/** Below this many holes, sweeping is not worth a pass over the array. */
const MIN_HOLES_TO_SWEEP = 64;

export type WriteResult =
  | { kind: 'written'; item: StoredItem }
  /** Another item already has `value` in the unique `field`. */
  | { kind: 'conflict'; field: string; value: unknown }
  /** The store holds `maxItems` items already. */
  | { kind: 'full'; maxItems: number };

export interface PageRequest {
  /** Newest first from the item just older than this sequence; from the newest without it. */
  olderThan?: number;
  /** Instead: the page just newer than this sequence (a link back), still newest first. */
  newerThan?: number;
  size: number;
  /** Only items this accepts; all without it. */
  matches?: (item: StoredItem) => boolean;
}

export interface Page {
  items: StoredItem[];
  /** Whether a matching item lies beyond the page in the direction read. */
  more: boolean;
}

/** A key for the unique index: values of different JSON types never collide. */
function uniqueKey(value: unknown): string {
  return typeof value === 'string' ? `s${value}` : `j${JSON.stringify(value)}`;
}

export class ResourceStore {
  private readonly byId = new Map<string, StoredItem>();
  /** Every item in creation order, deleted ones included until swept. */
  private order: StoredItem[] = [];
  private holes = 0;
  private lastSequence = 0;
  private readonly unique: Map<string, Map<string, StoredItem>>;

  constructor(
    uniqueFields: readonly string[],
    readonly maxItems: number = DEFAULT_MAX_ITEMS,
  ) {
    if (!Number.isSafeInteger(maxItems) || maxItems < 0) throw new RangeError(`maxItems must be a whole number of items, got ${maxItems}`);
    this.unique = new Map(uniqueFields.map((field) => [field, new Map()]));
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): StoredItem | undefined {
    return this.byId.get(id);
  }

  /** Stores a new item under a fresh UUID (or `id`, for items the store starts with). */
  create(fields: ItemFields, id: string = randomUUID()): WriteResult {
    if (this.byId.size >= this.maxItems) return { kind: 'full', maxItems: this.maxItems };
    if (this.byId.has(id)) return { kind: 'conflict', field: 'id', value: id };
    const conflict = this.conflictWith(fields, undefined);
    if (conflict) return conflict;
    const item: StoredItem = { id, sequence: ++this.lastSequence, fields, deleted: false };
    this.byId.set(item.id, item);
    this.order.push(item);
    this.index(item, fields);
    return { kind: 'written', item };
  }

  /** Merges `changes` into the item: fields not sent keep their values. */
  update(item: StoredItem, changes: ItemFields): WriteResult {
    const conflict = this.conflictWith(changes, item);
    if (conflict) return conflict;
    this.unindex(item, changes);
    item.fields = { ...item.fields, ...changes };
    this.index(item, changes);
    return { kind: 'written', item };
  }

  delete(id: string): boolean {
    const item = this.byId.get(id);
    if (!item) return false;
    this.byId.delete(id);
    this.unindex(item, item.fields);
    item.deleted = true;
    this.holes += 1;
    if (this.holes >= MIN_HOLES_TO_SWEEP && this.holes * 2 >= this.order.length) this.sweep();
    return true;
  }

  /** A page of items, newest first (see `PageRequest`). */
  page(request: PageRequest): Page {
    const accepts = (item: StoredItem): boolean => !item.deleted && (request.matches === undefined || request.matches(item));
    const items: StoredItem[] = [];
    if (request.newerThan !== undefined) {
      // Read upwards from the cursor, then turn the page round.
      let i = this.firstIndexAbove(request.newerThan);
      for (; i < this.order.length && items.length < request.size; i++) if (accepts(this.order[i]!)) items.push(this.order[i]!);
      let more = false;
      for (; i < this.order.length && !more; i++) more = accepts(this.order[i]!);
      return { items: items.reverse(), more };
    }
    let i = request.olderThan === undefined ? this.order.length - 1 : this.firstIndexAbove(request.olderThan - 1) - 1;
    for (; i >= 0 && items.length < request.size; i--) if (accepts(this.order[i]!)) items.push(this.order[i]!);
    let more = false;
    for (; i >= 0 && !more; i--) more = accepts(this.order[i]!);
    return { items, more };
  }

  /** The index of the first item whose sequence is above `sequence` (binary search). */
  private firstIndexAbove(sequence: number): number {
    let low = 0;
    let high = this.order.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.order[middle]!.sequence <= sequence) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private sweep(): void {
    this.order = this.order.filter((item) => !item.deleted);
    this.holes = 0;
  }

  private conflictWith(fields: ItemFields, self: StoredItem | undefined): WriteResult | undefined {
    for (const [field, holders] of this.unique) {
      const value = fields[field];
      if (value === undefined || value === null) continue;
      const holder = holders.get(uniqueKey(value));
      if (holder !== undefined && holder !== self) return { kind: 'conflict', field, value };
    }
    return undefined;
  }

  /** Indexes the unique fields among `changed` at the item's current values. */
  private index(item: StoredItem, changed: ItemFields): void {
    for (const [field, holders] of this.unique) {
      const value = item.fields[field];
      if (field in changed && value !== undefined && value !== null) holders.set(uniqueKey(value), item);
    }
  }

  /** Drops the index entries of the unique fields among `changed`, at the item's current values. */
  private unindex(item: StoredItem, changed: ItemFields): void {
    for (const [field, holders] of this.unique) {
      const value = item.fields[field];
      if (field in changed && value !== undefined && value !== null && holders.get(uniqueKey(value)) === item) holders.delete(uniqueKey(value));
    }
  }
}

/** The stores of every resource the mock serves, by resource name, each created on first use. */
export class MockStore {
  private readonly stores = new Map<string, ResourceStore>();

  constructor(readonly maxItems: number = DEFAULT_MAX_ITEMS) {
    if (!Number.isSafeInteger(maxItems) || maxItems < 0) throw new RangeError(`maxItems must be a whole number of items, got ${maxItems}`);
  }

  /** The store of `resource`; made on first use, holding the resource's seed items, oldest first. */
  of(resource: { readonly name: string; readonly uniqueFields: readonly string[]; readonly seed?: readonly { id: string; fields: ItemFields }[] }): ResourceStore {
    let store = this.stores.get(resource.name);
    if (!store) {
      store = new ResourceStore(resource.uniqueFields, this.maxItems);
      // Seeds are listed newest first, as a list answer shows them.
      for (const seed of [...(resource.seed ?? [])].reverse()) store.create({ ...seed.fields }, seed.id);
      this.stores.set(resource.name, store);
    }
    return store;
  }
}
