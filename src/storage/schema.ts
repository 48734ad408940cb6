import type { Transaction } from 'dexie';

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
    // the change log; existing data needs nothing, the new table starts empty
    version: 2,
    stores: { history: 'id, at, *listIds, *recordIds' },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
