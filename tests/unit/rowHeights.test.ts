import { describe, expect, it } from 'vitest';
import type { GridRow } from '../../src/grid/gridRow';
import { RowHeights } from '../../src/grid/rowHeights';
import { lineCount, WIDTH_UNITS } from '../../src/grid/textLines';

// fixed widths: a CJK character 14 px, anything else 8 px
const w = (c: number) => (c >= 0x2e80 ? 14 : 8);

describe('lineCount', () => {
  it('breaks CJK text between any two characters', () => {
    expect(lineCount('一二三四五', 70, w)).toBe(1);
    expect(lineCount('一二三四五六', 70, w)).toBe(2);
    expect(lineCount('一'.repeat(20), 70, w)).toBe(4);
  });

  it('counts hard line breaks, and an empty text as one line', () => {
    expect(lineCount('', 100, w)).toBe(1);
    expect(lineCount('党办\n教务处\n德育处', 100, w)).toBe(3);
    expect(lineCount('党办\n\n', 100, w)).toBe(3);
  });

  it('keeps a Latin word whole and breaks at spaces', () => {
    // "abcde fghij": 5 × 8 = 40 px each; a 60 px line holds one word
    expect(lineCount('abcde fghij', 60, w)).toBe(2);
    expect(lineCount('abcde fghij', 87, w)).toBe(2);
    expect(lineCount('abcde fghij', 88, w)).toBe(1);
  });

  it('breaks a word wider than the line anywhere', () => {
    expect(lineCount('a'.repeat(30), 80, w)).toBe(3);
  });

  it('never starts a line with closing punctuation: it takes its character along', () => {
    // five characters fit; the comma after the fifth pulls it onto the next line
    expect(lineCount('一二三四五，六', 70, w)).toBe(2);
    expect(lineCount('一二三四，', 70, w)).toBe(1);
    expect(lineCount('一二三四五，', 70, w)).toBe(2);
  });

  it('breaks a word wider than the line where its characters fill each line', () => {
    // 21 × 8 px at 84 px: ten characters a line (80 px), so three lines, not the 168 / 84 = 2 of the bare widths
    expect(lineCount('a'.repeat(21), 84, w)).toBe(3);
  });

  it('keeps digits with the characters they are written with', () => {
    expect(lineCount('2026年3月底前完成', 1000, w)).toBe(1);
    expect(lineCount('2026年3月底前完成', 50, w)).toBeGreaterThan(2);
  });
});

// a CJK font's curly quotes are full squares, like the ideographs (the grid keeps them so: text-spacing-trim)
const q = (c: number) => (c >= 0x2e80 || (c >= 0x2018 && c <= 0x201d) ? 14 : 8);

describe('lineCount beside quotation marks', () => {
  it('never ends a line with an opening quote nor starts one with a closing quote', () => {
    // “ would fit as the fifth square: it goes down with the character it opens
    expect(lineCount('一二三四“五”', 70, q)).toBe(2);
    // 五 would end the line and ” start the next: 五 goes down with it
    expect(lineCount('一二三“四五”', 84, q)).toBe(2);
    expect(lineCount('“家长群”内传播‘不实信息’、「专项」整治', 14 * 8, q)).toBe(3);
  });

  it('breaks between a curly quote and a CJK character, not between it and Latin text', () => {
    // ”abc sticks together: 一二三 | “四”abc | 五六七, where breaking after ” would make two lines
    expect(lineCount('一二三“四”abc五六七', 70, q)).toBe(3);
    // a quote opened right after a Latin word stays with it: 一二三四五 | abc“六七八 | 九十”
    expect(lineCount('一二三四五abc“六七八九十”', 100, q)).toBe(3);
  });

  it('never breaks beside a straight quote', () => {
    // 四"五"六 is one piece: 一二三 | 四"五"六 | 七
    expect(lineCount('一二三四"五"六七', 70, q)).toBe(3);
    expect(lineCount("一二三四'五'六七", 70, q)).toBe(3);
  });

  it('keeps a slash and the punctuation after a word with it', () => {
    // the URL and the 。 and , after it are one piece, broken where each line is full
    expect(lineCount('一二https://a.cn/x。,Word', 100, q)).toBe(3);
    expect(lineCount('一二三四五—、/：', 100, q)).toBe(2);
  });
});

function row(problemId: string, measureIndex: number, over: Partial<GridRow> = {}): GridRow {
  return {
    rowId: `${problemId}-${measureIndex}`,
    problemId,
    measureId: `${problemId}-${measureIndex}`,
    serial: 1,
    measureIndex,
    problem: '',
    level: '',
    category: '',
    measure: '',
    departmentIds: [],
    leaderIds: [],
    deadline: '',
    status: '',
    note: '',
    closed: '',
    returned: '',
    departmentsText: '',
    leadersText: '',
    progress: '',
    ...over,
  };
}

describe('RowHeights', () => {
  const metrics = { lineHeight: 20, paddingY: 10, minHeight: 30, charWidth: (c: number) => w(c) * WIDTH_UNITS };
  const layout = [
    { id: 'problem' as const, textWidth: 70 },
    { id: 'measure' as const, textWidth: 70 },
  ];

  it('gives each row the height of its tallest own cell, at least the minimum', () => {
    const h = new RowHeights(metrics);
    h.setLayout(layout);
    const rows = [row('p', 0, { measure: '一'.repeat(12) }), row('p', 1, { measure: '短' })];
    h.update(rows);
    expect(h.heightOf(rows[0]!)).toBe(3 * 20 + 10);
    expect(h.heightOf(rows[1]!)).toBe(30);
  });

  it("gives a tall problem's extra height to the last row of the problem, as a merged cell grows", () => {
    const h = new RowHeights(metrics);
    h.setLayout(layout);
    const text = '一'.repeat(50); // 10 lines: 210 px
    const rows = [row('p', 0, { problem: text }), row('p', 1, { problem: text }), row('q', 0, { problem: '短' })];
    h.update(rows);
    expect(h.heightOf(rows[0]!)).toBe(30);
    expect(h.heightOf(rows[1]!)).toBe(210 - 30);
    expect(h.heightOf(rows[2]!)).toBe(30);
  });

  it('reports only the rows whose height changed, including a neighbour a change in its problem resized', () => {
    const h = new RowHeights(metrics);
    h.setLayout(layout);
    const text = '一'.repeat(25); // 5 lines: 110 px
    const first = [row('p', 0, { problem: text }), row('p', 1, { problem: text }), row('q', 0)];
    expect(h.update(first).sort()).toEqual(['p-0', 'p-1', 'q-0']);
    expect(h.update(first)).toEqual([]);
    // the first measure grows to 4 lines (90 px): the last row needs less to cover the problem
    const second = [{ ...first[0]!, measure: '一'.repeat(20) }, first[1]!, first[2]!];
    expect(h.update(second).sort()).toEqual(['p-0', 'p-1']);
    expect(h.heightOf(second[0]!)).toBe(90);
    expect(h.heightOf(second[1]!)).toBe(30); // 90 + 30 covers the problem now
  });

  it("measures a column in its own font's widths", () => {
    const h = new RowHeights(metrics);
    // the problem's text is heavier: each character 18 px instead of 14
    h.setLayout([layout[0]!, { ...layout[1]!, charWidth: (c: number) => (c >= 0x2e80 ? 18 : 8) * WIDTH_UNITS }]);
    const rows = [row('p', 0, { measure: '一'.repeat(12) })];
    h.update(rows);
    // 70 px holds three characters a line: four lines, not the three five-character lines of the common widths
    expect(h.heightOf(rows[0]!)).toBe(4 * 20 + 10);
  });

  it('follows the columns shown: a hidden column no longer makes rows tall', () => {
    const h = new RowHeights(metrics);
    h.setLayout(layout);
    const rows = [row('p', 0, { note: '一'.repeat(40) })];
    h.update(rows);
    expect(h.heightOf(rows[0]!)).toBe(30);
    h.setLayout([...layout, { id: 'note', textWidth: 70 }]);
    expect(h.update(rows)).toEqual(['p-0']);
    expect(h.heightOf(rows[0]!)).toBe(8 * 20 + 10);
  });

  describe('a long list', () => {
    // 3 problems of 2 rows; text whose estimate (every character an ideograph) is too tall: 'ab ' × 10 is 30 narrow
    // characters, 3 lines of 70 px by width (8 px each, broken at spaces) but 6 as ideographs
    const latin = 'ab '.repeat(10).trim();
    const list = () =>
      ['p', 'q', 'r'].flatMap((p) => [row(p, 0, { measure: latin }), row(p, 1, { measure: '一'.repeat(12) })]);

    it('measures its first rows exactly and estimates the rest until refined, from the top', () => {
      const h = new RowHeights(metrics);
      h.setLayout(layout);
      const rows = list();
      h.update(rows, 2); // the first problem is exact
      expect(h.heightOf(rows[0]!)).toBe(4 * 20 + 10);
      expect(h.heightOf(rows[2]!)).toBe(6 * 20 + 10); // estimated
      expect(h.estimating).toBe(true);
      // a deadline already past still measures one batch: the list gets on even on a busy main thread
      expect(h.refine(0)).toEqual(['q-0', 'r-0']);
      expect(h.heightOf(rows[2]!)).toBe(4 * 20 + 10);
      expect(h.heightOf(rows[3]!)).toBe(3 * 20 + 10);
      expect(h.estimating).toBe(false);
      expect(h.refine(Infinity)).toEqual([]);
    });

    it('measures at once the rows scrolled into view, and only those', () => {
      const h = new RowHeights(metrics);
      h.setLayout(layout);
      const rows = list();
      h.update(rows, 0);
      expect(h.refineAt([5])).toEqual(['r-0']); // the second row of the last problem: its whole problem
      expect(h.heightOf(rows[4]!)).toBe(90);
      expect(h.heightOf(rows[0]!)).toBe(130); // still estimated
      expect(h.refineAt([4, 5])).toEqual([]);
      expect(h.estimating).toBe(true);
    });

    it('keeps rows measured before exact when the list is laid out again', () => {
      const h = new RowHeights(metrics);
      h.setLayout(layout);
      const rows = list();
      h.update(rows, 0);
      h.refine(Infinity);
      const next = rows.slice();
      next[4] = { ...rows[4]!, measure: latin + ' ' + latin }; // a new object: measured again only when refined
      expect(h.update(next, 0)).toEqual(['r-0']);
      expect(h.heightOf(next[0]!)).toBe(90);
      expect(h.heightOf(next[4]!)).toBe(12 * 20 + 10);
    });

    it('refines a list edited in place from its new rows', () => {
      const h = new RowHeights(metrics);
      h.setLayout(layout);
      const rows = list();
      h.update(rows, 0);
      const next = rows.slice();
      next[2] = { ...rows[2]!, measure: '短' };
      expect(h.updateProblems(next, [2])).toEqual(['q-0']);
      h.refine(Infinity);
      expect(h.heightOf(next[2]!)).toBe(30);
      expect(h.heightOf(next[4]!)).toBe(90);
    });
  });
});
