/**
 * Writes the sample workbooks described in workbookSpecs.ts, each in the layout of a real table kind, with the quirks
 * the importer must survive. Run: npx tsx samples/make-samples.ts
 */
import ExcelJS from 'exceljs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { DEPT_SHEETS, INTEGRITY_ROWS, LEDGER_ROWS, PAGED_ROWS, SCHOOL_ROWS, SYNONYM_ROWS, type SpecRow } from './workbookSpecs';

const here = dirname(fileURLToPath(import.meta.url));
type Cell = ExcelJS.CellValue;

/** Row indexes (1-based) of consecutive rows sharing a problem, for merging. */
function groups(rows: SpecRow[]): number[][] {
  const out: number[][] = [];
  rows.forEach((r, i) => {
    const last = out[out.length - 1];
    if (last && rows[last[0]!]!.problem === r.problem) last.push(i);
    else out.push([i]);
  });
  return out;
}

function style(ws: ExcelJS.Worksheet) {
  ws.eachRow((row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      c.alignment = { wrapText: true, vertical: 'middle' };
      c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    }),
  );
}

async function save(wb: ExcelJS.Workbook, file: string) {
  await wb.xlsx.writeFile(join(here, file));
  console.log(`wrote samples/${file}`);
}

/** 01: the school-rules layout. */
async function school() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('三清单');
  ws.columns = [{ width: 40 }, { width: 50 }, { width: 14 }, { width: 12 }];
  ws.addRow(['示例第五中学意识形态风险“三清单”']);
  ws.mergeCells('A1:D1');
  ws.addRow(['问题清单', '措施清单', '责任部门', '责任领导']);
  const start = 3;
  for (const r of SCHOOL_ROWS) ws.addRow([r.problem, r.measure, r.departments.join('\n'), r.leaders.join('\n') || null]);
  for (const g of groups(SCHOOL_ROWS)) {
    for (const i of g.slice(1)) ws.getCell(start + i, 1).value = null;
    if (g.length > 1) ws.mergeCells(start + g[0]!, 1, start + g[g.length - 1]!, 1);
  }
  style(ws);
  await save(wb, '01-学校三清单-合并单元格.xlsx');
}

/** 02: 廉政风险防控表 with 序号, merged 科室/责任领导, unknown columns, line breaks inside headers. */
async function integrity() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(['附件1']);
  ws.addRow(['示例中学廉政风险点及防控措施一览表']);
  ws.mergeCells('A2:H2');
  ws.addRow(['序 号', '科室', '岗位', '风险点', '风险\n等级', '防控措施', '责任人', '责任\n领导']);
  const posts = ['采购管理', '食堂管理', '招生分班', '评优评先', '报账审核'];
  const people = ['王某某', '李某某', '张某某', '赵某某', '钱某某'];
  INTEGRITY_ROWS.forEach((r, i) => ws.addRow([i + 1, r.departments[0], posts[i], r.problem, r.level, r.measure, people[i], r.leaders[0] ?? '无']));
  // rows 4-5 share 科室 总务处 and 责任领导 分管副校长: merged as in real files
  ws.getCell('B5').value = null;
  ws.mergeCells('B4:B5');
  ws.getCell('H5').value = null;
  ws.mergeCells('H4:H5');
  style(ws);
  await save(wb, '02-廉政风险防控表-序号等级.xlsx');
}

/** 03: 整改台账 with a unit line, a two-row header and typed cells. */
async function ledger() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('整改台账');
  ws.addRow(['示例实验学校意识形态工作问题整改台账']);
  ws.mergeCells('A1:H1');
  ws.addRow(['填报单位（盖章）：示例实验学校', null, null, null, '填报时间：2026年3月5日']);
  ws.addRow(['序号', '问题描述', '整改措施', '责任清单', null, '整改时限', '整改进展', '备注']);
  ws.addRow([null, null, null, '责任单位', '责任领导', null, null, null]);
  for (const col of ['A', 'B', 'C', 'F', 'G', 'H']) ws.mergeCells(`${col}3:${col}4`);
  ws.mergeCells('D3:E3');
  LEDGER_ROWS.forEach((r, i) => {
    const deadline: Cell = r.deadline === '2026-06-30' ? new Date(Date.UTC(2026, 5, 30)) : r.deadline!;
    const depts = i === 2 ? r.departments.join('\r\n') : r.departments.join('、');
    const measure: Cell = i === 0 ? { richText: [{ text: '每半年至少专题研究1次，', font: { bold: true } }, { text: '纳入党支部议事日程' }] } : r.measure;
    const status: Cell = i === 1 ? { formula: 'IF(1=1,"已完成","未完成")', result: r.status } : r.status!;
    ws.addRow([{ formula: `ROW()-4`, result: i + 1 }, r.problem, measure, depts, r.leaders.join('、'), deadline, status, r.note || null]);
  });
  ws.getCell('F6').numFmt = 'yyyy"年"m"月"d"日"';
  // rows 7 and 8 share one problem: merged
  ws.getCell('B8').value = null;
  ws.mergeCells('B7:B8');
  style(ws);
  await save(wb, '03-整改台账-两行表头.xlsx');
}

/** 04: one sheet per department, a notes sheet and a hidden options sheet. */
async function perDepartment() {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('填表说明');
  notes.addRow(['填表说明']);
  notes.addRow(['1.请各部门在本部门工作表中填写问题和措施。']);
  notes.addRow(['2.责任部门可填写多个，用顿号分隔。']);
  for (const [name, rows] of Object.entries(DEPT_SHEETS)) {
    const ws = wb.addWorksheet(name);
    ws.addRow([`${name}意识形态领域风险“三清单”`]);
    ws.addRow(['序号', '问题清单', '措施清单', '责任部门', '责任领导', '完成时限']);
    rows.forEach((r, i) => ws.addRow([i + 1, r.problem, r.measure, r.departments.join('、'), r.leaders.join('、'), r.deadline]));
    style(ws);
  }
  const options = wb.addWorksheet('选项表', { state: 'hidden' });
  ['党办', '德育处', '教务处', '团委'].forEach((d) => options.addRow([d]));
  await save(wb, '04-多工作表-各部门.xlsx');
}

/** 05: a long table printed across pages, with section rows, footer and notes. */
async function paged() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('风险清单');
  ws.addRow([]);
  ws.addRow(['示例中学意识形态领域风险隐患排查清单']);
  ws.mergeCells('A2:F2');
  ws.addRow([]);
  const header = ['类别', '问题清单', '措施清单', '责任部门', '责任领导', '备注'];
  ws.addRow(header);
  const section = (text: string) => {
    const row = ws.addRow([text]);
    ws.mergeCells(row.number, 1, row.number, 6);
  };
  const add = (r: SpecRow, withCategory: boolean, withProblem: boolean) =>
    ws.addRow([withCategory ? r.category : null, withProblem ? r.problem : null, r.measure, r.departments.join('\n'), r.leaders[0], null]);
  section('（一）网络阵地');
  const a = add(PAGED_ROWS[0]!, true, true).number;
  const b = add(PAGED_ROWS[1]!, false, false).number;
  ws.mergeCells(a, 1, b, 1);
  ws.mergeCells(a, 2, b, 2);
  section('（二）宣传阵地');
  const c = add(PAGED_ROWS[2]!, true, true).number;
  ws.addRow([null, '课堂教学管理有待加强', null, '教务处', null, '措施待补充']); // no measure: warned and skipped
  ws.addRow(header); // the header repeated at the top of the next printed page
  const d = add(PAGED_ROWS[3]!, true, true).number;
  const e = add(PAGED_ROWS[4]!, false, false).number;
  const f = add(PAGED_ROWS[5]!, false, true).number;
  ws.mergeCells(c, 1, c, 1);
  ws.mergeCells(d, 1, f, 1);
  ws.mergeCells(d, 2, e, 2);
  const footer = ws.addRow(['填表人：王某某        审核人：李某某        日期：2026年3月10日']);
  ws.mergeCells(footer.number, 1, footer.number, 6);
  ws.addRow(['填表说明：1.问题要具体；2.措施要可操作。']);
  style(ws);
  await save(wb, '05-跨页表头-表尾.xlsx');
}

/** 06: synonyms and separators, no merges. */
async function synonyms() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('排查表');
  ws.addRow(['风险点', '防控方法', '牵头部门', '分管领导', '时间节点', '完成情况', '领域']);
  SYNONYM_ROWS.forEach((r, i) => {
    const sep = i % 2 === 0 ? '，' : '/';
    ws.addRow([`\u3000${r.problem} `, r.measure, r.departments.join(sep), r.leaders.join('；'), r.deadline, r.status, r.category]);
  });
  await save(wb, '06-同义表头-无合并.xlsx');
}

await school();
await integrity();
await ledger();
await perDepartment();
await paged();
await synonyms();
