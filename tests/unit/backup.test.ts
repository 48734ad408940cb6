import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKUP_FORMAT, BACKUP_VERSION, backupFileName, makeBackup, parseBackup, restorePatch, type Backup } from '../../src/domain/backup';
import { DomainError } from '../../src/domain/errors';
import { applyPatch } from '../../src/storage/applyPatch';
import type { SanqingdanDb } from '../../src/storage/db';
import { loadAll } from '../../src/storage/queries';
import { UndoStack } from '../../src/storage/undoStack';
import { readXlsx } from '../../src/xlsx/readXlsx';
import { newDb, snapshot } from './dbHelpers';

const dbs: SanqingdanDb[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
const open = async (empty = false) => {
  const db = await newDb(empty ? null : undefined);
  dbs.push(db);
  return db;
};

const backupOf = async (db: SanqingdanDb): Promise<Backup> => makeBackup(await loadAll(db), 1, '0.1.0', new Date(2026, 10, 23, 9, 5));

function refusal(text: string): string {
  try {
    parseBackup(text, '备份.json');
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as Error).message;
  }
  throw new Error('expected the backup to be refused');
}

describe('backup files', () => {
  it('hold every table with format, versions and the time', async () => {
    const b = await backupOf(await open());
    expect(b).toMatchObject({ format: BACKUP_FORMAT, version: BACKUP_VERSION, schemaVersion: 1, appVersion: '0.1.0' });
    expect(b.data.measures.length).toBeGreaterThan(0);
    expect(backupFileName(new Date(2026, 10, 23, 9, 5))).toBe('三清单备份_20261123_0905.json');
    expect(parseBackup(JSON.stringify(b), 'x.json')).toEqual(b);
  });

  it('from before the 研判 rounds (format 1) restore with none, and rounds restore with their snapshots', async () => {
    const b = await backupOf(await open());
    const { rounds: _r, snapshots: _s, ...old } = b.data;
    const v1 = parseBackup(JSON.stringify({ ...b, version: 1, data: old }), 'old.json');
    expect(v1.version).toBe(BACKUP_VERSION);
    expect(v1.data.rounds).toEqual([]);
    expect(v1.data.snapshots).toEqual([]);
    const listId = b.data.lists[0]!.id;
    const round = { id: 'r1', listId, name: '2026年上半年研判会', date: '2026-03-15', kind: 'first-half' as const, state: 'held' as const, snapshotId: 's1', heldAt: 1 };
    const snap = { id: 's1', roundId: 'r1', listId, takenAt: 1, list: { unit: '', title: 't', period: '' }, problems: [], measures: [] };
    const withRounds = { ...b, data: { ...b.data, rounds: [round], snapshots: [snap] } };
    expect(parseBackup(JSON.stringify(withRounds), 'x.json').data.rounds).toEqual([round]);
    expect(refusal(JSON.stringify({ ...withRounds, data: { ...withRounds.data, snapshots: [] } }))).toContain('快照不存在');
  });

  it('are refused, naming the file and what is wrong, when broken or foreign', async () => {
    const good = await backupOf(await open());
    expect(refusal('{"format":"sanqingdan-backup", "vers')).toContain('不是完整的 JSON');
    expect(refusal(JSON.stringify({ lists: [] }))).toContain('不是本应用“备份”按钮导出的文件');
    expect(refusal(JSON.stringify({ ...good, version: 99 }))).toContain('由更新版本的三清单导出');
    const dangling = structuredClone(good);
    dangling.data.measures[0]!.departmentIds = ['no-such-department'];
    expect(refusal(JSON.stringify(dangling))).toContain('引用了不存在的部门');
    const orphan = structuredClone(good);
    orphan.data.measures[0]!.problemId = 'gone';
    expect(refusal(JSON.stringify(orphan))).toContain('所属的问题不存在');
    const twice = structuredClone(good);
    twice.data.leaders.push({ ...twice.data.leaders[0]! });
    expect(refusal(JSON.stringify(twice))).toContain('id 重复');
    for (const text of ['', 'null', '[]']) expect(refusal(text)).toContain('“备份.json”');
  });

  it('restore into an emptied database gives back exactly what was backed up', async () => {
    const db = await open();
    const before = await snapshot(db);
    const text = JSON.stringify(await backupOf(db));
    const fresh = await open(true);
    await applyPatch(fresh, restorePatch(await loadAll(fresh), parseBackup(text, 'b.json')));
    expect(await snapshot(fresh)).toEqual(before);
  });

  it('restore replaces what is there in one step, and one undo brings the previous data back', async () => {
    const source = await open();
    const backup = await backupOf(source);
    const target = await open();
    await target.measures.clear();
    await target.lists.update((await target.lists.toArray())[0]!.id, { title: '恢复前的标题' });
    const beforeRestore = await snapshot(target);
    const undoStack = new UndoStack(target);
    await undoStack.run(restorePatch(await loadAll(target), backup));
    expect(await snapshot(target)).toEqual(await snapshot(source));
    await undoStack.undo();
    expect(await snapshot(target)).toEqual(beforeRestore);
  });

  it('the CLI writes a list of a backup as the meeting workbook', async () => {
    const db = await open();
    const dir = mkdtempSync(join(tmpdir(), 'sqd-backup-'));
    writeFileSync(join(dir, 'b.json'), JSON.stringify(await backupOf(db)));
    const root = join(__dirname, '../..');
    const r = spawnSync(process.execPath, [join(root, 'src/cliLauncher.mjs'), 'export', join(dir, 'b.json'), join(dir, 'out.xlsx')], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const [sheet] = readXlsx(readFileSync(join(dir, 'out.xlsx')));
    const texts = sheet!.rows.flat();
    expect(texts).toContain('清理新媒体账号');
    const bad = spawnSync(process.execPath, [join(root, 'src/cliLauncher.mjs'), 'export', join(dir, 'out.xlsx'), join(dir, 'x.xlsx')], { cwd: root, encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('不是可用的三清单备份');
  }, 30_000);
});
