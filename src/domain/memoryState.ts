import { byOrder } from './order';
import type { Patch, TableName } from './patch';
import type { Directory, ListContent, RiskList } from './types';

type Tables = Record<TableName, Map<string, Record<string, unknown>>>;

/**
 * Applies patches to plain in-memory tables: how the command line builds a list without a database (convert and
 * export read a file, build the list, and write a workbook).
 */
export function emptyTables(): Tables {
  return {
    lists: new Map(),
    problems: new Map(),
    measures: new Map(),
    departments: new Map(),
    leaders: new Map(),
    rounds: new Map(),
    snapshots: new Map(),
    progress: new Map(),
    history: new Map(),
  };
}

export function applyInMemory(tables: Tables, patch: Patch): void {
  for (const op of patch.ops) {
    const table = tables[op.table];
    if (op.type === 'put' || op.type === 'create') table.set(op.value.id, { ...(op.value as unknown as Record<string, unknown>) });
    else if (op.type === 'delete') table.delete(op.id);
    else {
      const current = table.get(op.id);
      if (current) table.set(op.id, { ...current, ...(op.changes as Record<string, unknown>) });
    }
  }
}

export function listFromTables(tables: Tables, listId: string): { content: ListContent; directory: Directory } {
  const values = <T>(name: TableName) => [...tables[name].values()] as unknown as T[];
  const list = tables.lists.get(listId) as unknown as RiskList;
  return {
    content: {
      list,
      problems: values<ListContent['problems'][number]>('problems').filter((p) => p.listId === listId).sort(byOrder),
      measures: values<ListContent['measures'][number]>('measures').filter((m) => m.listId === listId).sort(byOrder),
    },
    directory: { departments: values('departments'), leaders: values('leaders') },
  };
}
