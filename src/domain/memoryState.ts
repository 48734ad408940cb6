import { byOrder } from './order';
import { foldPatch, type Rec, type RecordSink } from './foldPatch';
import type { Patch, TableName } from './patch';
import type { Directory, ListContent, RiskList } from './types';

type Tables = Record<TableName, Map<string, Rec>>;

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
  const sinks = new Map<TableName, RecordSink>();
  foldPatch(patch, (t) => {
    let sink = sinks.get(t);
    if (!sink) {
      const table = tables[t];
      // a deleted record leaves the table
      sinks.set(t, (sink = { get: (id) => table.get(id), set: (id, rec) => (rec ? table.set(id, rec) : table.delete(id)) }));
    }
    return sink;
  });
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
