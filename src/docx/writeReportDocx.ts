import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { ReportDocument } from '../domain/cycle/bulletinText';

/**
 * A report as a Word document in the customary 公文 layout: A4 portrait, margins 37/35/28/26 mm, the title in
 * 方正小标宋简体 二号, headings in 黑体 三号, the body in 仿宋_GB2312 三号 at a fixed 28 pt line, indented two characters,
 * page numbers “— N —” at the foot. The office edits it in Word (or WPS); the fonts fall back where not installed.
 */
const MM = 56.6929; // twentieths of a point per millimetre
const SIZE_2 = 44; // 二号, in half-points
const SIZE_3 = 32; // 三号
const BODY_LINE = 560; // 28 pt, in twentieths of a point

const run = (text: string, font: string, size: number, bold = false) =>
  new TextRun({ text, font: { name: font, eastAsia: font }, size, bold });

export async function writeReportDocx(doc: ReportDocument): Promise<Uint8Array> {
  const exact = { line: BODY_LINE, lineRule: LineRuleType.EXACT };
  const children: Paragraph[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT }, children: [run(doc.title, '方正小标宋简体', SIZE_2)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...exact, after: 280 }, children: [run(doc.subtitle, '楷体_GB2312', SIZE_3)] }),
  ];
  for (const section of doc.sections) {
    children.push(new Paragraph({ keepNext: true, spacing: exact, indent: { firstLine: 640 }, children: [run(section.heading, '黑体', SIZE_3)] }));
    for (const text of section.paragraphs) {
      // a lead-in line (“针对风险点 1：”) stays on the page of what it introduces
      children.push(new Paragraph({ ...(/[：:]$/.test(text.trim()) ? { keepNext: true } : {}), spacing: exact, indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED, children: [run(text, '仿宋_GB2312', SIZE_3)] }));
    }
  }
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: { name: '宋体', eastAsia: '宋体' }, size: 28 }),
        ],
      }),
    ],
  });
  const document = new Document({
    creator: '三清单',
    title: doc.title,
    styles: { default: { document: { run: { font: { name: '仿宋_GB2312', eastAsia: '仿宋_GB2312' }, size: SIZE_3 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) },
          },
        },
        footers: { default: footer },
        children,
      },
    ],
  });
  const blob = await Packer.toBlob(document);
  return new Uint8Array(await blob.arrayBuffer());
}
