import type { Transaction } from 'dexie';
import { chunksOf } from './chunkedTable';

/**
 * Every schema version the app has ever had, oldest first. A new version is appended (never edited) with the upgrade
 * that moves data from the one before, so a browser holding data from any earlier version opens it intact.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      lists: 'id, createdAt',
      problems: 'id, listId',
      measures: 'id, listId, problemId, *departmentIds, *leaderIds',
      departments: 'id, name',
      leaders: 'id, name',
    },
  },
  {
    // the change log (db.changeLog, which keeps this table name); existing data needs nothing, the new table starts empty
    version: 2,
    stores: { history: 'id, at, *listIds, *recordIds' },
  },
  {
    // problems and measures move into chunks of a few hundred records (see chunkedTable.ts); the old tables are
    // read here and deleted once this upgrade has run
    version: 3,
    stores: { chunks: 'id', problems: null, measures: null },
    upgrade: async (tx) => {
      const chunks = [
        ...chunksOf('problems', await tx.table('problems').toArray()),
        ...chunksOf('measures', await tx.table('measures').toArray()),
      ];
      await tx.table('chunks').bulkAdd(chunks);
    },
  },
  {
    // undo and redo kept across reloads (undoStack.ts): a step's label and lists apart from its patch, so the
    // buttons and the per-list bound read small records; existing data needs nothing, both stacks start empty
    version: 4,
    stores: { undoSteps: 'seq, [stack+seq], *scopes', undoPatches: 'seq' },
  },
  {
    // 研判 rounds and the snapshots held rounds froze (#15); existing lists have none yet
    version: 5,
    stores: { rounds: 'id, listId', snapshots: 'id, listId, roundId' },
  },
  {
    // 进展情况 per measure and round (#15, cycle/progress.ts); existing data has none yet (a held round's status is in
    // its snapshot)
    version: 6,
    stores: { progress: 'id, listId, measureId, roundId' },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
