import Dexie, { type Table } from 'dexie';
import { ChunkedTable, type Chunk } from './chunkedTable';
import type { ChangeLogEntry } from '../domain/changeLog';
import type { ProgressEntry, Round, Snapshot } from '../domain/cycle/types';
import type { Department, Leader, Measure, Problem, RiskList } from '../domain/types';
import type { TableName } from '../domain/patch';
import { SCHEMA_VERSIONS } from './schema';
import type { UndoPatchRecord, UndoStepRecord } from './undoRecords';

export class SanqingdanDb extends Dexie {
  lists!: Table<RiskList, string>;
  chunks!: Table<Chunk, string>;
  readonly problems = new ChunkedTable<Problem>(() => this.chunks, 'problems');
  readonly measures = new ChunkedTable<Measure>(() => this.chunks, 'measures');
  departments!: Table<Department, string>;
  leaders!: Table<Leader, string>;
  undoSteps!: Table<UndoStepRecord, number>;
  undoPatches!: Table<UndoPatchRecord, number>;
  rounds!: Table<Round, string>;
  snapshots!: Table<Snapshot, string>;
  progress!: Table<ProgressEntry, string>;

  constructor(name = 'sanqingdan') {
    super(name);
    for (const v of SCHEMA_VERSIONS) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
  }

  /**
   * The change log (changeLog.ts), one entry per applied change. Its IndexedDB table keeps the name it was created with,
   * `history` (schema version 2), as do patches and backups that name it: renaming a table takes a migration copying
   * every entry, not worth it for a name. In code it is the change log, never to be confused with the undo stack
   * (undoStack.ts, tables undoSteps and undoPatches).
   */
  get changeLog(): Table<ChangeLogEntry, string> {
    return this.table('history');
  }

  /** A table by name: problems and measures are the chunked ones. */
  tableOf(name: TableName): RecordTable {
    return name === 'problems' || name === 'measures' ? (this[name] as unknown as RecordTable) : (this.table(name) as unknown as RecordTable);
  }

  /** What a transaction over `name` must lock. */
  storeOf(name: TableName): Table {
    return name === 'problems' || name === 'measures' ? this.chunks : this.table(name);
  }
}

/** The operations on a table by name that applying patches and refreshing views use. */
export interface RecordTable {
  bulkGet(ids: string[]): Promise<({ id: string } | undefined)[]>;
  bulkAdd(records: readonly { id: string }[]): Promise<unknown>;
  bulkPut(records: readonly { id: string }[]): Promise<unknown>;
  bulkDelete(ids: string[]): Promise<unknown>;
}
