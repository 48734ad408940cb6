import Dexie, { type Table } from 'dexie';

/**
 * Problems and measures are stored a few hundred to a record ("chunks"), not one IndexedDB record each. Chromium spends
 * about 0.1 ms on every record written, whatever its size: a 20,000-row import (28,000 records) took 3 s in writes
 * alone, where the same data in 256-record chunks takes a tenth of a second. A record's chunk follows from its id (a
 * hash), so any operation by id reads and rewrites just the chunks it touches; reading a list reads the chunks of its
 * table and keeps that list's records.
 *
 * The number of chunks per table is part of the stored format: changing it needs a schema version that moves the data.
 */
export const CHUNKS_PER_TABLE = 256;

export type ChunkedTableName = 'problems' | 'measures';

type Rec = { id: string };

export interface Chunk {
  id: string; // `${table}/${n}`
  /** an array: IndexedDB stores it faster than a Map or an object (whose keys could also be "__proto__") */
  records: Rec[];
}

/** FNV-1a: cheap, and spreads our random hex ids evenly. */
function hash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function chunkIdOf(table: ChunkedTableName, id: string): string {
  if (typeof id !== 'string' || id === '') throw new Dexie.DataError(`${table} 中有一条记录缺少标识（id），无法保存`);
  return `${table}/${hash(id) % CHUNKS_PER_TABLE}`;
}

/** Groups records (or ids) by the chunk they belong to. */
function byChunk<T>(table: ChunkedTableName, items: readonly T[], idOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = chunkIdOf(table, idOf(item));
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}

/**
 * One record table over the chunks table, with the part of Dexie's Table interface the app uses. Reads and writes run
 * in the caller's transaction when there is one (it must include the chunks table); a write on its own gets its own
 * transaction, so it lands whole or not at all.
 */
export class ChunkedTable<T extends Rec> {
  constructor(
    private readonly chunks: () => Table<Chunk, string>,
    readonly name: ChunkedTableName,
  ) {}

  private get db(): Dexie {
    return this.chunks().db;
  }

  async bulkGet(ids: readonly string[]): Promise<(T | undefined)[]> {
    const groups = byChunk(this.name, ids, (id) => id);
    const keys = [...groups.keys()];
    const found = await this.chunks().bulkGet(keys);
    const byId = new Map<string, Rec>();
    for (const chunk of found) for (const rec of chunk?.records ?? []) byId.set(rec.id, rec);
    return ids.map((id) => byId.get(id) as T | undefined);
  }

  async get(id: string): Promise<T | undefined> {
    return (await this.bulkGet([id]))[0];
  }

  async toArray(): Promise<T[]> {
    return this.collect(() => true);
  }

  /** Records of one list. */
  forList(listId: string): Promise<T[]> {
    return this.collect((rec) => (rec as unknown as { listId: string }).listId === listId);
  }

  // all chunks in one getAll (a cursor over them took twice as long)
  private async collect(keep: (rec: T) => boolean): Promise<T[]> {
    const chunks = await this.chunks().where('id').startsWith(`${this.name}/`).toArray();
    const out: T[] = [];
    for (const chunk of chunks) for (const rec of chunk.records) if (keep(rec as T)) out.push(rec as T);
    return out;
  }

  async clear(): Promise<void> {
    await this.chunks().where('id').startsWith(`${this.name}/`).delete();
  }

  /** Adds records; fails (and writes nothing) if any id is already stored. */
  bulkAdd(records: readonly T[]): Promise<void> {
    return this.write(records, (chunk, recs) => {
      for (const r of recs) {
        if (chunk.has(r.id)) throw new Dexie.ConstraintError(`${this.name} 中已有标识为 ${r.id} 的记录`);
        chunk.set(r.id, r);
      }
    });
  }

  bulkPut(records: readonly T[]): Promise<void> {
    return this.write(records, (chunk, recs) => {
      for (const r of recs) chunk.set(r.id, r);
    });
  }

  bulkDelete(ids: readonly string[]): Promise<void> {
    return this.writeIds(ids, (chunk, keys) => {
      for (const id of keys) chunk.delete(id);
    });
  }

  /** Merges `changes` into the record; returns 1 if it existed, 0 if not (as Dexie's Table.update does). */
  async update(id: string, changes: Partial<T>): Promise<number> {
    let updated = 0;
    await this.writeIds([id], (chunk) => {
      const rec = chunk.get(id);
      if (!rec) return;
      chunk.set(id, { ...rec, ...changes });
      updated = 1;
    });
    return updated;
  }

  private write(records: readonly T[], apply: (chunk: Map<string, Rec>, records: T[]) => void): Promise<void> {
    return this.rewrite(byChunk(this.name, records, (r) => r.id), apply);
  }

  private writeIds(ids: readonly string[], apply: (chunk: Map<string, Rec>, ids: string[]) => void): Promise<void> {
    return this.rewrite(byChunk(this.name, ids, (id) => id), apply);
  }

  private async rewrite<I>(groups: Map<string, I[]>, apply: (records: Map<string, Rec>, items: I[]) => void): Promise<void> {
    if (groups.size === 0) return;
    const table = this.chunks();
    await this.db.transaction('rw', table, async () => {
      const keys = [...groups.keys()];
      const found = await table.bulkGet(keys);
      const next: Chunk[] = keys.map((id, i) => {
        const records = new Map<string, Rec>();
        for (const rec of found[i]?.records ?? []) records.set(rec.id, rec);
        apply(records, groups.get(id)!);
        return { id, records: [...records.values()] };
      });
      await table.bulkPut(next);
    });
  }
}

/** Puts records into chunks: for moving data from one-record-per-row tables into this format. */
export function chunksOf(table: ChunkedTableName, records: readonly Rec[]): Chunk[] {
  return [...byChunk(table, records, (r) => r.id)].map(([id, recs]) => ({ id, records: recs }));
}
