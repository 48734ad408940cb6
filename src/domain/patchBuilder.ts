import type { Op, Patch, TableName, TableRecords } from './patch';

type Pending =
  | { kind: 'create'; table: TableName; value: Record<string, unknown> }
  | { kind: 'update'; table: TableName; id: string; changes: Record<string, unknown>; view?: { of: unknown; value: unknown } }
  | { kind: 'delete'; table: TableName; id: string };

/**
 * Collects the changes of one user action so that each record is written once, in the order first touched: a paste
 * that sets three cells of one measure becomes one field-level update, and a record created and then edited in the same
 * action becomes one put.
 */
export class PatchBuilder {
  private readonly pending = new Map<string, Pending>();

  /** A new record (new id). Later changes to it in the same action fold into it. */
  create<T extends TableName>(table: T, value: TableRecords[T]): void {
    this.pending.set(`${table}:${value.id}`, { kind: 'create', table, value: { ...value } });
  }

  update<T extends TableName>(table: T, id: string, changes: Partial<TableRecords[T]>): void {
    const key = `${table}:${id}`;
    const prev = this.pending.get(key);
    if (prev?.kind === 'create') Object.assign(prev.value, changes);
    else if (prev?.kind === 'update') {
      Object.assign(prev.changes, changes);
      delete prev.view;
    }
    else if (prev?.kind !== 'delete') this.pending.set(key, { kind: 'update', table, id, changes: { ...changes } });
  }

  delete(table: TableName, id: string): void {
    const key = `${table}:${id}`;
    if (this.pending.get(key)?.kind === 'create') {
      this.pending.delete(key);
      return;
    }
    this.pending.delete(key); // re-insert so that a delete comes after the updates it supersedes
    this.pending.set(key, { kind: 'delete', table, id });
  }

  /** The record as it will be after this patch, given its stored state (undefined if created here or deleted). */
  view<T extends TableName>(table: T, id: string, stored: TableRecords[T] | undefined): TableRecords[T] | undefined {
    const p = this.pending.get(`${table}:${id}`);
    if (!p) return stored;
    if (p.kind === 'delete') return undefined;
    if (p.kind === 'create') return p.value as unknown as TableRecords[T];
    if (!stored) return undefined;
    // an action reads a record it updates again and again (an update import: every field of every row): the merged
    // view is made once per change, not per read
    if (p.view?.of !== stored) p.view = { of: stored, value: { ...stored, ...p.changes } };
    return p.view.value as TableRecords[T];
  }

  isCreated(table: TableName, id: string): boolean {
    return this.pending.get(`${table}:${id}`)?.kind === 'create';
  }

  build(label: string): Patch {
    const ops: Op[] = [];
    for (const p of this.pending.values()) {
      if (p.kind === 'create') ops.push({ type: 'create', table: p.table, value: p.value } as unknown as Op);
      else if (p.kind === 'update') ops.push({ type: 'update', table: p.table, id: p.id, changes: p.changes } as unknown as Op);
      else ops.push({ type: 'delete', table: p.table, id: p.id });
    }
    return { label, ops };
  }
}
