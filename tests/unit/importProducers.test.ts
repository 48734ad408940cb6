import { spawnSync } from 'node:child_process';
import { unzipSync, strFromU8 } from 'fflate';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPatch, nameReport } from '../../src/domain/import/importPlan';
import { importWorkbook, warningText } from '../../src/domain/import/importWorkbook';
import { readXlsx } from '../../src/xlsx/readXlsx';
import { LIBREOFFICE_ROWS } from '../../samples/workbookSpecs';

const bytes = (file: string) => readFileSync(join(__dirname, '../../samples', file));
const read = (file: string) => readXlsx(bytes(file));
const application = (file: string) => /<Application>([^<]*)</.exec(strFromU8(unzipSync(bytes(file))['docProps/app.xml']!))?.[1] ?? '';

describe('07: written by openpyxl, a cover and a leading group above the table, which goes on over a second sheet', () => {
  const file = '07-封面领导小组-续表-openpyxl.xlsx';
  const result = importWorkbook(read(file));

  it('is the file the generator writes with openpyxl: inline strings, no shared strings part', () => {
    const parts = unzipSync(bytes(file));
    expect(Object.keys(parts)).not.toContain('xl/sharedStrings.xml');
    expect(strFromU8(parts['xl/worksheets/sheet1.xml']!)).toContain('t="inlineStr"');
    expect(application(file)).toBe('Microsoft Excel'); // what openpyxl writes there
  });

  it('finds the header at row 45 and the title right above it', () => {
    expect(result.analyses.map((a) => [a.sheet, a.headerRow + 1, a.continues?.from])).toEqual([
      ['三清单', 45, undefined],
      ['三清单（续）', 1, '三清单'],
    ]);
    expect(result.title).toBe('示例第九中学意识形态领域风险“三清单”');
    expect(result.unit).toBe('示例第九中学');
  });

  it('says that the second sheet was read as a continuation, and that the notes sheet holds no table', () => {
    expect(result.warnings.map((w) => warningText(w, true))).toEqual([
      '工作表“三清单（续）”没有表头，其各列与工作表“三清单”的表格一致，视为续表，按相同的列对应导入（可在预览中取消）',
      '工作表“填表说明”中没有可识别的三清单表格，已跳过',
    ]);
  });

  it('carries the posts written with leaders’ names, and makes each department and leader once', () => {
    expect(result.rows.map((r) => r.posts ?? {})).toEqual([{ 张国栋: '副校长' }, {}, { 李敏: '副校长' }, { 刘洋: '书记' }, {}, {}, {}, {}, { 张国栋: '副校长' }, {}]);
    const { patch } = importPatch({ mode: 'new', rows: result.rows, mapped: new Map(), meta: { unit: '', title: 't', period: '' } }, { departments: [], leaders: [] }, file);
    const made = (table: string) => patch.ops.flatMap((o) => (o.type === 'create' && o.table === table ? [o.value as { name: string; post?: string }] : []));
    expect(made('departments').map((d) => d.name)).toEqual(['党办', '信息中心', '德育处', '校长室', '团委', '教务处', '图书馆', '总务处', '保卫处', '政办', '国际部']);
    expect(made('leaders').map((l) => [l.name, l.post])).toEqual([['张国栋', '副校长'], ['李敏', '副校长'], ['刘洋', '书记'], ['校长', '']]);
  });
});

describe('08: saved by LibreOffice with merges that kept the covered cells’ text', () => {
  const file = '08-LibreOffice-保留合并内容.xlsx';
  const sheets = read(file);
  const result = importWorkbook(sheets);

  it('is a LibreOffice file whose covered cells still hold old text', () => {
    expect(application(file)).toMatch(/^LibreOffice\//);
    const [sheet] = sheets;
    expect(sheet!.merges.length).toBeGreaterThanOrEqual(6);
    // B5, under the merged B4:B6, still holds its old text in the file (the reader blanks it, as a person sees it)
    const parts = unzipSync(bytes(file));
    const strings = strFromU8(parts['xl/sharedStrings.xml']!);
    const index = [...strings.matchAll(/<si>([\s\S]*?)<\/si>/g)].findIndex((m) => m[1]!.includes('旧的问题文字，合并时保留'));
    expect(index).toBeGreaterThanOrEqual(0);
    expect(strFromU8(parts['xl/worksheets/sheet1.xml']!)).toMatch(new RegExp(`<c r="B5"[^>]*t="s"[^>]*><v>${index}</v>`));
    expect(sheet!.rows[4]![1]).toBe('');
  });

  it('reads what a person sees: none of the covered text reaches a row', () => {
    const all = JSON.stringify(result.rows);
    for (const hidden of ['旧的问题文字', '另一段旧文字', '宣传部', '旧领导', '（旧）讲座']) expect(all).not.toContain(hidden);
    expect(result.rows.map((r) => r.leaders)).toEqual([['王芳'], ['王芳'], ['王芳'], ['副校长'], ['赵强'], []]);
  });

  it('warns of the repeated header and the footer, each with its row, and keeps the row with header words', () => {
    expect(result.warnings.map((w) => w.message)).toEqual(['第 8 行：与表头相同（跨页重复的表头），已跳过', '第 11 行：表尾或说明行“填表人：刘某某        审核人：王某某”，已跳过']);
    expect(result.rows[3]).toMatchObject({ problem: '教材选用存在问题', measure: '落实整改措施' });
    expect(result.title).toBe('示例职业学校意识形态工作风险防控表');
    expect(result.unit).toBe('示例职业学校');
  });

  it('matches 王芳（副校长） to the existing 王芳 and leaves 副校长 and 赵强 new: nothing merged by a guess', () => {
    const report = nameReport(result.rows, { departments: [], leaders: [{ id: 'l1', name: '王芳', post: '' }] });
    expect(report.matched.map((m) => m.name)).toEqual(['王芳']);
    expect(report.fresh.filter((n) => n.kind === 'leader').map((n) => [n.name, n.similar.map((s) => s.name)])).toEqual([
      ['副校长', []],
      ['赵强', []],
    ]);
  });
});

describe('the command line says the same', () => {
  it('prints 08’s rows and its warnings, skipped rows named by their Excel row', () => {
    const root = join(__dirname, '../..');
    const r = spawnSync(process.execPath, [join(root, 'src/cliLauncher.mjs'), 'import', join(root, 'samples/08-LibreOffice-保留合并内容.xlsx')], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { rows: unknown[]; warnings: string[] };
    expect(out.rows).toEqual(LIBREOFFICE_ROWS.map((row) => ({ ...row, sheet: '风险防控表' })));
    expect(out.warnings).toEqual(['第 8 行：与表头相同（跨页重复的表头），已跳过', '第 11 行：表尾或说明行“填表人：刘某某        审核人：王某某”，已跳过']);
  });
});
