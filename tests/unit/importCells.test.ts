import { describe, expect, it } from 'vitest';
import { importWorkbook, publicRow } from '../../src/domain/import/importWorkbook';
import type { SheetTable } from '../../src/domain/import/types';
import { cleanName, cleanText, isNobody, nameKey, splitNames } from '../../src/domain/text';

const sheet = (rows: string[][], merges: SheetTable['merges'] = []): SheetTable => ({ name: '三清单', hidden: false, rows, merges });
const HEADER = ['问题清单', '措施清单', '责任部门', '责任领导'];
const one = (departments: string, leaders: string) => importWorkbook([sheet([HEADER, ['网络阵地管理不到位', '建立账号台账', departments, leaders]])]).rows[0]!;

describe('“nobody” is not a name', () => {
  for (const token of ['——', '—', '－', '-', '无', '暂无', '/', '／', '\u3000', '无 ', ' —— ', '\\', 'TRUE', 'FALSE']) {
    it(`“${token}” is an empty department and leader cell`, () => {
      const row = one(token, token);
      expect(row.departments).toEqual([]);
      expect(row.leaders).toEqual([]);
    });
  }

  it('drops a nobody token among real names', () => {
    expect(one('党办、无', '——\n张国栋').departments).toEqual(['党办']);
    expect(one('党办、无', '——\n张国栋').leaders).toEqual(['张国栋']);
  });

  it('reads a dash or slash in a text column as empty, but keeps 无 as a level', () => {
    const result = importWorkbook([
      sheet([
        ['问题清单', '措施清单', '责任部门', '完成时限', '风险等级', '备注'],
        ['宣传栏错字', '双人校对', '党办', '——', '无', '/'],
      ]),
    ]);
    expect(result.rows[0]).toMatchObject({ deadline: '', level: '无', note: '' });
  });

  it('keeps names that merely contain 无', () => {
    expect(isNobody('无线网络中心')).toBe(false);
    expect(isNobody('吴无忌')).toBe(false);
  });
});

describe('invisible characters', () => {
  it('are removed from names: 校长室\\u200b is 校长室', () => {
    for (const raw of ['校长室\u200b', '\ufeff校长室', '校\u200c长室', '校长室\u00a0', '校长\u200d室\u0007', '\u2060校长室\u00ad']) {
      expect(nameKey(raw)).toBe(nameKey('校长室'));
      expect(cleanName(raw)).toBe('校长室');
      expect(splitNames(raw)).toEqual(['校长室']);
    }
  });

  it('are trimmed from texts, which keep their inner line breaks', () => {
    expect(cleanText('\u200b建立账号台账\u00a0\ufeff')).toBe('建立账号台账');
    expect(cleanText('\u0007第一行\n第二行\u200b')).toBe('第一行\n第二行');
    expect(cleanText('\u200b')).toBe('');
  });

  it('make one department of names that differ by them in a file', () => {
    const result = importWorkbook([sheet([HEADER, ['问题一', '措施一', '校长室\u200b', ''], ['问题二', '措施二', '校长室', '']])]);
    expect(result.rows.map((r) => r.departments)).toEqual([['校长室'], ['校长室']]);
  });
});

describe('separators and spaces', () => {
  it('splits on +, & and a closing 。, and departments joined by 和, 及, 与 — not a department whose name has 和 inside', () => {
    expect(one('党办+德育处', '张国栋＋李敏').departments).toEqual(['党办', '德育处']);
    expect(one('党办+德育处', '张国栋＋李敏').leaders).toEqual(['张国栋', '李敏']);
    expect(one('党办&德育处', '').departments).toEqual(['党办', '德育处']);
    expect(one('党办，德育处。', '').departments).toEqual(['党办', '德育处']);
    expect(one('党办和德育处', '').departments).toEqual(['党办', '德育处']);
    expect(one('教务处及各年级', '').departments).toEqual(['教务处', '各年级']);
    expect(one('团委与德育处、工会', '').departments).toEqual(['团委', '德育处', '工会']);
    expect(one('组织和人事处', '').departments).toEqual(['组织和人事处']);
    expect(one('党委宣传和统战部', '').departments).toEqual(['党委宣传和统战部']);
  });

  it('splits on full-width ／ and ｜ as on / and |', () => {
    expect(splitNames('党办／德育处｜教务处|团委/总务处')).toEqual(['党办', '德育处', '教务处', '团委', '总务处']);
  });

  it('splits departments separated by spaces when the cell has no other separator', () => {
    expect(one('党办 德育处  教务处', '').departments).toEqual(['党办', '德育处', '教务处']);
    expect(one('信息中心\u3000教务处', '').departments).toEqual(['信息中心', '教务处']);
  });

  it('reads a person padded for alignment as one name', () => {
    expect(one('', '李  敏').leaders).toEqual(['李敏']);
    expect(one('', '李\u3000敏、王 芳').leaders).toEqual(['李敏', '王芳']);
    expect(one('', '张 国栋').leaders).toEqual(['张国栋']);
  });

  it('reads two-character names separated by spaces as several people', () => {
    expect(one('', '李敏 王芳').leaders).toEqual(['李敏', '王芳']);
    expect(one('', '张国栋  李敏').leaders).toEqual(['张国栋', '李敏']);
    expect(one('', '校长 张国栋').leaders).toEqual(['张国栋']);
  });

  it('splits short names separated by spaces when each is a name the table uses elsewhere', () => {
    const result = importWorkbook([sheet([HEADER, ['问题一', '措施一', '党办', ''], ['问题一', '措施二', '团委', ''], ['问题二', '措施三', '党办 团委', '']])]);
    expect(result.rows.map((r) => r.departments)).toEqual([['党办'], ['团委'], ['党办', '团委']]);
  });

  it('keeps a spaced name among other separators unless its parts are known', () => {
    const result = importWorkbook([sheet([HEADER, ['问题一', '措施一', '党办、信息 中心', '']])]);
    expect(result.rows[0]!.departments).toEqual(['党办', '信息中心']);
  });
});

describe('name forms', () => {
  it('takes the post written with a leader’s name off the name and carries it', () => {
    const result = importWorkbook([
      sheet([
        HEADER,
        ['问题一', '措施一', '党办', '张国栋（副校长）'],
        ['问题一', '措施二', '党办', '分管副校长：张国栋'],
        ['问题一', '措施三', '党办', '刘洋(书记)'],
        ['问题一', '措施四', '党办', '张国栋 （副校长）、刘洋（党委书记）'],
      ]),
    ]);
    expect(result.rows.map((r) => r.leaders)).toEqual([['张国栋'], ['张国栋'], ['刘洋'], ['张国栋', '刘洋']]);
    expect(result.rows.map((r) => r.posts)).toEqual([{ 张国栋: '副校长' }, { 张国栋: '副校长' }, { 刘洋: '书记' }, { 张国栋: '副校长', 刘洋: '党委书记' }]);
    // the CLI's row has no posts: its shape does not change
    expect(Object.keys(publicRow(result.rows[0]!))).not.toContain('posts');
  });

  it('takes a post written straight before or after a full name off it (李敏副校长, 副校长李敏), not off a surname or a post’s own field', () => {
    const leaders = (cell: string) => {
      const row = one('党办', cell);
      return [row.leaders, row.posts ?? {}];
    };
    expect(leaders('李敏副校长')).toEqual([['李敏'], { 李敏: '副校长' }]);
    expect(leaders('王子忠书记、欧阳娜娜副校长')).toEqual([['王子忠', '欧阳娜娜'], { 王子忠: '书记', 欧阳娜娜: '副校长' }]);
    expect(leaders('黄建国党委书记')).toEqual([['黄建国'], { 黄建国: '党委书记' }]);
    // a post before the name, a role in brackets, 同志, posts in brackets with 、 between them
    expect(leaders('副校长李敏、党委书记王子忠')).toEqual([['李敏', '王子忠'], { 李敏: '副校长', 王子忠: '党委书记' }]);
    expect(leaders('王子忠同志\n李敏（分管）')).toEqual([['王子忠', '李敏'], {}]);
    expect(leaders('王子忠（党委书记、校长）')).toEqual([['王子忠'], { 王子忠: '党委书记、校长' }]);
    expect(leaders('副校长 张三 李四')).toEqual([['张三', '李四'], { 张三: '副校长', 李四: '副校长' }]);
    // a surname and a post, a post with its field, a post alone: as written, no post taken off
    for (const cell of ['张副校长', '陈校长', '德育副校长', '常务副校长', '安全副校长', '教学校长', '党委书记']) expect(leaders(cell)).toEqual([[cell], {}]);
  });

  it('reads a post written before the person in brackets (校长（张三）) as that person’s post, as 张三（校长） is', () => {
    const row = one('党办', '校长（张国栋）、李敏（副校长）');
    expect(row.leaders).toEqual(['张国栋', '李敏']);
    expect(row.posts).toEqual({ 张国栋: '校长', 李敏: '副校长' });
  });

  it('takes a role mark off a department', () => {
    expect(one('党办（牵头）\n教务处(配合)、团委 （参与）', '').departments).toEqual(['党办', '教务处', '团委']);
    expect(one('党办牵头，教务处配合、信息中心负责', '').departments).toEqual(['党办', '教务处', '信息中心']);
    expect(one('负责', '').departments).toEqual(['负责']);
  });

  it('keeps titles used as names and other brackets as they are', () => {
    expect(one('团委（学生会）', '分管副校长').departments).toEqual(['团委（学生会）']);
    expect(one('团委（学生会）', '分管副校长').leaders).toEqual(['分管副校长']);
    expect(one('', '副校长（分管德育）').leaders).toEqual(['副校长（分管德育）']);
  });
});

describe('merged cells read as a person sees them', () => {
  it('takes the top-left value over text left in covered cells (keep contents)', () => {
    const result = importWorkbook([
      sheet(
        [
          HEADER,
          ['网络阵地管理不到位', '措施一', '党办', '张国栋'],
          ['旧的问题文字', '措施二', '旧部门', '旧领导'],
          ['另一个旧文字', '措施三', '旧部门', ''],
        ],
        [
          { top: 1, left: 0, bottom: 3, right: 0 },
          { top: 1, left: 2, bottom: 3, right: 2 },
          { top: 1, left: 3, bottom: 2, right: 3 },
        ],
      ),
    ]);
    expect(result.rows.map((r) => [r.problem, r.departments, r.leaders])).toEqual([
      ['网络阵地管理不到位', ['党办'], ['张国栋']],
      ['网络阵地管理不到位', ['党办'], ['张国栋']],
      ['网络阵地管理不到位', ['党办'], []],
    ]);
  });

  it('clamps merges that claim rows and columns far beyond the sheet', () => {
    const rows = [HEADER, ['问题', '措施一', '党办', ''], ['', '措施二', '', '']];
    const merges = [
      { top: 1, left: 0, bottom: 1_048_575, right: 0 },
      { top: 1, left: 2, bottom: 999_999_999, right: 16383 },
    ];
    const result = importWorkbook([sheet(rows, merges)]);
    expect(result.rows.map((r) => [r.problem, r.measure, r.departments])).toEqual([
      ['问题', '措施一', ['党办']],
      ['问题', '措施二', ['党办']],
    ]);
  });

  it('handles many long overlapping merges in time proportional to the rows', () => {
    const rows: string[][] = [HEADER];
    for (let i = 0; i < 5000; i++) rows.push([`问题${i}`, `措施${i}`, '党办', '']);
    const merges = Array.from({ length: 50_000 }, (_, i) => ({ top: 1 + (i % 50), left: 3, bottom: 1_000_000, right: 3 }));
    const result = importWorkbook([sheet(rows, merges)]);
    expect(result.rows).toHaveLength(5000);
  });
});

describe('“and the others” after the last name', () => {
  it('takes 等 off a department of two characters too (党政办、工会等)', () => {
    expect(one('党政办、工会等', '').departments).toEqual(['党政办', '工会']);
  });
});

describe('a 责任清单 in one column: departments and people together', () => {
  it('reads departments and leaders from labelled lines, a person after a department, and 责任单位/责任人 cells', () => {
    const rows = (header: string, cells: string[]) => importWorkbook([sheet([['问题清单', '措施清单', header], ...cells.map((c, i) => [`第${i + 1}个网络阵地管理不到位的问题`, `建立账号台账，明确专人管理（${i + 1}）`, c])])]).rows;
    const cells = ['责任部门：党办\n责任领导：张国栋（副校长）', '德育处 李敏', '教务处（王芳）', '党办/张国栋', '教务处：王芳', '党办、团委\n分管领导：李敏', '各年级', '德育处、各年级；分管领导：李敏'];
    const want = [
      [['党办'], ['张国栋']],
      [['德育处'], ['李敏']],
      [['教务处'], ['王芳']],
      [['党办'], ['张国栋']],
      [['教务处'], ['王芳']],
      [['党办', '团委'], ['李敏']],
      [['各年级'], []],
      [['德育处', '各年级'], ['李敏']],
    ];
    for (const header of ['责任清单', '责任单位/责任人']) expect(rows(header, cells).map((r) => [r.departments, r.leaders])).toEqual(want);
    expect(rows('责任清单', cells)[0]!.posts).toEqual({ 张国栋: '副校长' });
    // a 责任部门 column is read as departments, whatever its names look like
    expect(rows('责任部门', ['德育处 李敏']).map((r) => [r.departments, r.leaders])).toEqual([[['德育处', '李敏'], []]]);
  });
});
