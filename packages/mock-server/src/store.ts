/**
 * The in-memory endpoints of one mock project. Records keep the fields as sent (the password
 * apart, so that no representation can include it) and a creation sequence number, which
 * orders lists newest first and lets a page token pin the list a client is paging through.
 */
import { randomUUID } from 'node:crypto';

export type EndpointFields = Record<string, unknown>;

export interface EndpointRecord {
  readonly id: string;
  /** Increases with every create; never reused. */
  readonly sequence: number;
  fields: EndpointFields;
  password: string;
}

export interface ListFilter {
  /** Only endpoints whose username contains this text (case-insensitive). */
  username?: string;
  /** Only endpoints whose caller ID contains this text (case-insensitive). */
  callerId?: string;
  /** Only endpoints created at or before this sequence number. */
  createdUpTo: number;
}

function contains(value: unknown, text: string | undefined): boolean {
  return text === undefined || (typeof value === 'string' && value.toLowerCase().includes(text.toLowerCase()));
}

/** Splits the password off the fields sent. */
function withoutPassword(fields: EndpointFields): [EndpointFields, unknown] {
  const { password, ...rest } = fields;
  return [rest, password];
}

export class EndpointStore {
  private readonly records = new Map<string, EndpointRecord>();
  private lastSequence = 0;

  /** The sequence number of the newest endpoint ever created (0 before the first). */
  get latestSequence(): number {
    return this.lastSequence;
  }

  create(sent: EndpointFields): EndpointRecord {
    const [fields, password] = withoutPassword(sent);
    const record: EndpointRecord = { id: randomUUID(), sequence: ++this.lastSequence, fields, password: String(password) };
    this.records.set(record.id, record);
    return record;
  }

  get(id: string): EndpointRecord | undefined {
    return this.records.get(id);
  }

  /** Merges `changes` into the record: fields not sent keep their values. */
  update(record: EndpointRecord, changes: EndpointFields): EndpointRecord {
    const [fields, password] = withoutPassword(changes);
    record.fields = { ...record.fields, ...fields };
    if (password !== undefined) record.password = String(password);
    return record;
  }

  delete(id: string): boolean {
    return this.records.delete(id);
  }

  /** Whether another endpoint than `exceptId` already has `username`. */
  usernameTaken(username: string, exceptId?: string): boolean {
    for (const record of this.records.values()) {
      if (record.id !== exceptId && record.fields.username === username) return true;
    }
    return false;
  }

  /** The matching endpoints, newest first. */
  list(filter: ListFilter): EndpointRecord[] {
    return [...this.records.values()]
      .filter((r) => r.sequence <= filter.createdUpTo && contains(r.fields.username, filter.username) && contains(r.fields.caller_id, filter.callerId))
      .sort((a, b) => b.sequence - a.sequence);
  }
}
