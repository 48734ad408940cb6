import type { ReportDocument } from '../cycle/bulletinText';
import { namesText, byId, type Person } from '../directory';
import { REVIEW_STATE_LABEL, reviewState } from '../review/leaderReview';
import { ruleSpec, SEVERITY_LABEL } from '../review/rules';
import type { Finding } from '../review/types';
import { forEachRow } from '../rows';
import type { Directory, ListContent } from '../types';
import { fitCellText } from './excelLimits';
import { pageFor } from './pageLayout';
import { headingHeight, heightFor, wrappedLines } from './textWidth';
import type { SheetSpec, SpecMerge, SpecRow } from './workbookSpec';

const TITLE_PT = 20;

/**
 * 审核结果: every measure with its review (待审核 / 已审核 / 退回修改, the comment, who and when) and the checks' findings
 * (open ones, and dismissed ones with their reason), for the 研判会's file — one row per measure, the problem merged down as in the list.
 */
export function reviewSheet(name: string, title: string, content: ListContent, directory: Directory, findings: readonly Finding[]): SheetSpec {
  const header = ['序号', '问题清单', '措施清单', '责任部门', '责任领导', '审核状态', '审核意见', '检查提醒'];
  const widths = [6, 30, 36, 12, 10, 10, 22, 36];
  const people = byId<Person>([...directory.departments, ...directory.leaders]);
  const open = new Map<string, string[]>();
  for (const f of findings) {
    const key = f.measureId ?? `p:${f.problemId}`;
    // a dismissed finding stays in the record, with the reason it was judged right as it is
    const line = f.dismissed ? `【已忽略】${ruleSpec(f.rule).label}：${f.dismissed.reason}` : `【${SEVERITY_LABEL[f.severity]}】${ruleSpec(f.rule).label}`;
    open.set(key, [...(open.get(key) ?? []), line]);
  }
  const heading = `${title}审核结果`;
  const rows: SpecRow[] = [
    { cells: [{ value: heading, style: 'title' }], height: headingHeight(wrappedLines(heading, widths.reduce((a, b) => a + b, 0), TITLE_PT), TITLE_PT) },
    { cells: header.map((h) => ({ value: h, style: 'header' as const })), height: 28 },
  ];
  const merges: SpecMerge[] = [{ top: 0, left: 0, bottom: 0, right: header.length - 1, style: 'title' }];
  let start = -1;
  forEachRow(content.problems, content.measures, (p, m, serial, index) => {
    if (index === 0) start = rows.length;
    const review = m?.review;
    const notes = [...(index === 0 ? (open.get(`p:${p.id}`) ?? []) : []), ...(m ? (open.get(m.id) ?? []) : [])];
    const values = [
      serial,
      index === 0 ? p.text : '',
      m?.text ?? '',
      m ? namesText(people, m.departmentIds) : '',
      m ? namesText(people, m.leaderIds) : '',
      m ? REVIEW_STATE_LABEL[reviewState(m)] : '',
      review ? `${review.comment}${review.comment ? '\n' : ''}（${review.by} ${new Date(review.at).toISOString().slice(0, 10)}）` : '',
      notes.join('\n'),
    ];
    const cells = values.map((v, c) => (index > 0 && c < 2 ? null : { value: typeof v === 'string' ? fitCellText(v).text : v, style: c === 0 || c === 5 ? ('bodyCenter' as const) : ('body' as const) }));
    const lines = Math.max(1, ...values.map((v, c) => (c < 2 ? 1 : wrappedLines(String(v), widths[c]!))));
    rows.push({ cells, height: heightFor(lines) });
    if (index > 0) {
      merges.push({ top: start, left: 0, bottom: rows.length - 1, right: 0, style: 'bodyCenter' });
      merges.push({ top: start, left: 1, bottom: rows.length - 1, right: 1, style: 'body' });
    }
  });
  // one merge per problem: the last one written for each covers all its rows
  const last = new Map<string, SpecMerge>();
  for (const m of merges) last.set(`${m.top}:${m.left}`, m);
  return {
    name,
    columnWidths: widths,
    rows,
    merges: [...last.values()],
    print: { landscape: true, scale: pageFor(widths, true).scale, titleRows: [1, 1], footer: '&C第 &P 页 共 &N 页', frozenRows: 2 },
  };
}

/** 研判材料: the report's paragraphs (基本情况, 主要风险点, 防控措施, 清单检查情况), one a row, to copy into the report. */
export function materialSheet(name: string, doc: ReportDocument): SheetSpec {
  const width = 110;
  const rows: SpecRow[] = [{ cells: [{ value: doc.title, style: 'title' }], height: headingHeight(wrappedLines(doc.title, width, TITLE_PT), TITLE_PT) }];
  if (doc.subtitle) rows.push({ cells: [{ value: doc.subtitle, style: 'subtitle' }], height: 22 });
  for (const s of doc.sections) {
    rows.push({ cells: [{ value: s.heading, style: 'header' }], height: 26 });
    for (const p of s.paragraphs) rows.push({ cells: [{ value: fitCellText(p).text, style: 'body' }], height: heightFor(wrappedLines(p, width)) });
  }
  return { name, columnWidths: [width], rows, merges: [], print: { landscape: false, scale: pageFor([width], false).scale, footer: '&C第 &P 页 共 &N 页' } };
}
