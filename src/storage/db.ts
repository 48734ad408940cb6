import Dexie, { type Table } from 'dexie';
import type { HistoryEntry } from '../domain/history';
import type { Department, Leader, Measure, Problem, RiskList } from '../domain/types';
import type { TableName } from '../domain/patch';
import { SCHEMA_VERSIONS } from './schema';

export class SanqingdanDb extends Dexie {
  lists!: Table<RiskList, string>;
  problems!: Table<Problem, string>;
  measures!: Table<Measure, string>;
  departments!: Table<Department, string>;
  leaders!: Table<Leader, string>;
  history!: Table<HistoryEntry, string>;

  constructor(name = 'sanqingdan') {
    super(name);
    for (const v of SCHEMA_VERSIONS) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
  }

  tableOf(name: TableName): Table<{ id: string }, string> {
    return this.table(name);
  }
}
