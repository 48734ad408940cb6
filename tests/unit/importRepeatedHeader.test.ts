import { describe, expect, it } from 'vitest';
import type { FieldId } from '../../src/domain/fields';
import { ImportError } from '../../src/domain/import/errors';
import { HEADER_SYNONYMS } from '../../src/domain/import/headerSynonyms';
import { importWorkbook } from '../../src/domain/import/importWorkbook';
import type { SheetTable } from '../../src/domain/import/types';

const sheet = (rows: string[][], extra: Partial<SheetTable> = {}): SheetTable => ({ name: '三清单', hidden: false, rows, merges: [], ...extra });
const HEADER = ['问题清单', '措施清单', '责任部门', '责任领导'];
const ALL_SYNONYMS = (Object.entries(HEADER_SYNONYMS) as [FieldId, string[]][]).flatMap(([field, words]) => words.map((w) => ({ field, w })));

/** Real-sounding problem and measure texts around a header word, as offices write them. */
const problemWith = (w: string) => `教材选用${w}方面存在问题，个别教辅资料把关不严`;
const measureWith = (w: string) => `落实${w}相关整改措施，每学期开展一次清查`;

describe('a row is a repeated header only when it is the header itself', () => {
  it('keeps the row of the issue: its problem says 存在问题 and its measure 整改措施', () => {
    const result = importWorkbook([
      sheet([
        HEADER,
        ['网络阵地管理不到位', '建立账号台账', '党办', '书记'],
        ['教材选用存在问题', '落实整改措施', '教务处', '副校长'],
        ['讲座审核不严', '一会一报', '党办', ''],
      ]),
    ]);
    expect(result.rows.map((r) => r.measure)).toEqual(['建立账号台账', '落实整改措施', '一会一报']);
    expect(result.rows[1]).toMatchObject({ problem: '教材选用存在问题', departments: ['教务处'], leaders: ['副校长'] });
    expect(result.warnings).toEqual([]);
  });

  it('keeps rows whose texts contain every synonym of every field, below the header and after a repeated header', () => {
    const data = ALL_SYNONYMS.map(({ w }, i) => [problemWith(w), measureWith(w), i % 2 ? '教务处' : '党办', '副校长']);
    const half = Math.floor(data.length / 2);
    const rows = [['某中学意识形态风险三清单'], HEADER, ...data.slice(0, half), HEADER, ...data.slice(half)];
    const result = importWorkbook([sheet(rows)]);
    expect(result.rows.map((r) => r.measure)).toEqual(data.map((d) => d[1]));
    expect(result.rows.map((r) => r.problem)).toEqual(data.map((d) => d[0]));
    expect(result.warnings.map((w) => w.message)).toEqual([`第 ${half + 3} 行：与表头相同（跨页重复的表头），已跳过`]);
  });

  it('keeps rows whose cells are a header word alone when the other cells are data', () => {
    const data = ALL_SYNONYMS.map(({ w }) => [w, measureWith(w), '教务处', '']);
    const dataMeasure = ALL_SYNONYMS.map(({ w }) => [problemWith(w), w, '', '校长']);
    const result = importWorkbook([sheet([HEADER, ...data, HEADER, ...dataMeasure])]);
    expect(result.rows.map((r) => r.measure)).toEqual([...data, ...dataMeasure].map((d) => d[1]));
    expect(result.warnings.map((w) => w.row)).toEqual([data.length + 2]);
  });

  it('takes a header repeated with other spacing, line breaks or an empty cell for the header, and says so', () => {
    const result = importWorkbook([
      sheet([
        ['序号', '问题清单', '措施清单', '责任部门', '责任领导'],
        ['1', '网络阵地管理不到位', '建立账号台账', '党办', '书记'],
        ['序 号', '问题\n清单', ' 措施清单 ', '责任部门', ''],
        ['2', '讲座审核不严', '一会一报', '党办', ''],
        ['', '问题清单', '措施清单', '', ''],
        ['3', '宣传栏错字', '双人校对', '总务处', ''],
      ]),
    ]);
    expect(result.rows.map((r) => r.measure)).toEqual(['建立账号台账', '一会一报', '双人校对']);
    expect(result.warnings.map((w) => w.message)).toEqual(['第 3 行：与表头相同（跨页重复的表头），已跳过', '第 5 行：与表头相同（跨页重复的表头），已跳过']);
  });

  it('keeps a two-column table whose short rows contain header words, whatever follows them', () => {
    const result = importWorkbook([
      sheet([
        ['问题', '措施'],
        ['教材存在问题', '整改措施'],
        ['宣传栏风险点', '防控措施'],
        ['讲座存在问题', '工作措施'],
        ['网络阵地风险点排查不到位', '每月开展一次网络阵地风险点排查'],
      ]),
    ]);
    expect(result.analyses[0]!.headerRow).toBe(0);
    expect(result.rows.map((r) => r.measure)).toEqual(['整改措施', '防控措施', '工作措施', '每月开展一次网络阵地风险点排查']);
  });

  it('does not take a row for the header when one of its cells differs from the header cell of its column', () => {
    // 问题 | 措施 are header words, but not this header's; 教务处 is no header at all
    const result = importWorkbook([sheet([HEADER, ['存在问题', '整改措施', '教务处', '分管领导'], ['风险点', '防控措施', '', '']])]);
    expect(result.rows.map((r) => r.measure)).toEqual(['整改措施', '防控措施']);
  });

  it('takes the header of a page with a column more at its end (备注) for the header repeated', () => {
    const result = importWorkbook([sheet([HEADER, ['记录要素不全', '规范会议记录模板', '党办', '刘书记'], [...HEADER, '备注'], ['讲座审核不严', '严格落实一会一报', '教务处', '']])]);
    expect(result.rows.map((r) => r.measure)).toEqual(['规范会议记录模板', '严格落实一会一报']);
    expect(result.warnings.map((w) => w.message)).toEqual(['第 3 行：与表头相同（跨页重复的表头），已跳过']);
  });

  it('repeats a two-row header by either of its rows', () => {
    const result = importWorkbook([
      sheet([
        ['序号', '问题描述', '整改措施', '责任清单', ''],
        ['', '', '', '责任单位', '责任领导'],
        ['1', '记录要素不全', '规范会议记录模板', '党办', '刘书记'],
        ['序号', '问题描述', '整改措施', '责任清单', ''],
        ['', '', '', '责任单位', '责任领导'],
        ['2', '宣传栏存在错别字', '建立发布前审核制度', '总务处', '周校长'],
      ], { merges: [{ top: 0, left: 3, bottom: 0, right: 4 }] }),
    ]);
    expect(result.rows.map((r) => r.measure)).toEqual(['规范会议记录模板', '建立发布前审核制度']);
    expect(result.warnings.map((w) => w.row)).toEqual([4, 5]);
  });
});

describe('sheets the file lacks and what the reader left out are said', () => {
  it('warns of a sheet the workbook names but the archive lacks', () => {
    const result = importWorkbook([sheet([HEADER, ['问题', '措施', '党办', '']]), { name: '续表', hidden: false, rows: [], merges: [], missing: true }]);
    expect(result.rows).toHaveLength(1);
    expect(result.warnings.map((w) => w.message)).toEqual(['工作表“续表”在文件中缺失（文件可能已损坏或不完整），其内容无法读取，已跳过']);
  });

  it('refuses the file as damaged when the missing sheet was the only table', () => {
    const only = () => importWorkbook([{ name: '三清单', hidden: false, rows: [], merges: [], missing: true }, sheet([['填表说明：请如实填写']], { name: '说明' })]);
    expect(only).toThrow(ImportError);
    try {
      only();
    } catch (e) {
      expect((e as ImportError).code).toBe('corrupt');
    }
    try {
      importWorkbook([{ name: '三清单', hidden: false, rows: [], merges: [], missing: true }]);
    } catch (e) {
      expect((e as ImportError).code).toBe('corrupt');
    }
    expect.assertions(3);
  });

  it("shows the reader's notes on a sheet among the warnings", () => {
    const note = { sheet: '三清单', message: '工作表“三清单”中第 20001 行以后的内容超出限制，未读取' };
    const result = importWorkbook([sheet([HEADER, ['问题', '措施', '党办', '']], { notes: [note] })]);
    expect(result.warnings).toEqual([note]);
  });
});

/** mulberry32: a small seeded generator, so a failing sheet can be made again from its seed */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('property: every row below the header is imported or warned about', () => {
  const pick = <T,>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const words = ALL_SYNONYMS.map((s) => s.w);
  const fillers = ['加强', '落实', '教务处', '党办', '每学期', '长期坚持', '填表人：王某某', '注：以上内容', '合计', '（一）网络阵地', '——', '校长', '1', '2026年6月'];

  for (let seed = 1; seed <= 60; seed++) {
    it(`seed ${seed}`, () => {
      const rnd = random(seed);
      const fields: FieldId[] = ['serial', 'problem', 'measure', 'departments', 'leaders', 'deadline', 'status', 'note'];
      const header = fields.filter((f) => f === 'problem' || f === 'measure' || rnd() < 0.6).map((f) => HEADER_SYNONYMS[f][0]!);
      const width = header.length;
      const rows: string[][] = [['某单位三清单'], header];
      const n = 20 + Math.floor(rnd() * 60);
      for (let i = 0; i < n; i++) {
        const kind = rnd();
        if (kind < 0.08) rows.push([]);
        else if (kind < 0.14) rows.push(header.map((h) => (rnd() < 0.25 ? '' : h)));
        else if (kind < 0.24) rows.push([pick(rnd, fillers)]);
        else {
          const row: string[] = [];
          for (let c = 0; c < width; c++) {
            const r = rnd();
            row.push(r < 0.2 ? '' : r < 0.45 ? pick(rnd, words) : r < 0.7 ? `${pick(rnd, fillers)}${pick(rnd, words)}${pick(rnd, fillers)}` : pick(rnd, fillers));
          }
          rows.push(row);
        }
      }
      // merges down the first columns on odd seeds, some covering cells that kept their old text (keep contents)
      const merges: SheetTable['merges'] = [];
      if (seed % 2) {
        for (let r = 2; r < rows.length - 3; r += 2 + Math.floor(rnd() * 4)) {
          const col = Math.floor(rnd() * 2);
          const bottom = r + 1 + Math.floor(rnd() * 2);
          merges.push({ top: r, left: col, bottom, right: col });
          if (rnd() < 0.3) for (let k = r + 1; k <= bottom; k++) if (rows[k] && rows[k]!.length > col) rows[k]![col] = '旧内容';
          r = bottom;
        }
      }
      const result = importWorkbook([sheet(rows, { merges })]);
      const [analysis] = result.analyses;
      const first = analysis!.headerRow + analysis!.headerRows;
      const nonBlank = new Set<number>();
      for (let r = first; r < rows.length; r++) if (rows[r]!.some((c) => c.trim())) nonBlank.add(r + 1);
      const kept = new Set(result.rows.map((r) => r.excelRow));
      const warned = new Set(result.warnings.filter((w) => w.row !== undefined && !kept.has(w.row)).map((w) => w.row!));
      expect(result.rows.length).toBe(kept.size); // each row at most once
      expect([...kept, ...warned].sort((a, b) => a - b)).toEqual([...nonBlank].sort((a, b) => a - b));
    });
  }
});
