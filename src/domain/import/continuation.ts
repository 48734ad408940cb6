import { isPeopleField } from '../fields';
import { cleanText } from '../text';
import { matchHeader } from './headerSynonyms';
import { isReferenceHeader } from './separateLists';
import type { SheetAnalysis, SheetTable } from './types';

/** How many of a sheet's first non-empty rows are looked at to tell whether it goes on with the previous table. */
const LOOK_ROWS = 200;

/**
 * A sheet without a header whose columns line up with the previous sheet's table goes on with that table (a long
 * table split over “三清单” and “三清单（续）”, 序号 continuing): its rows are read with the previous mapping. Null when
 * the sheet does not look so: every data row must lie within the table's columns, and most of them must have a
 * measure (and be more than one cell), with short names in the department and leader columns. Title lines above the
 * rows (“三清单（续表）”) are passed over.
 */
export function continuationOf(sheet: SheetTable, previous: SheetAnalysis): SheetAnalysis | null {
  const measureCol = previous.columns.find((c) => c.field === 'measure')?.index;
  if (measureCol === undefined) return null;
  const left = Math.min(...previous.columns.map((c) => c.index));
  const right = Math.max(...previous.columns.map((c) => c.index), previous.idColumn ?? 0);
  const nameCols = previous.columns.filter((c) => c.field !== null && isPeopleField(c.field)).map((c) => c.index);

  let firstData = -1;
  let looked = 0;
  let withMeasure = 0;
  let wide = 0;
  for (let r = 0; r < sheet.rows.length && looked < LOOK_ROWS; r++) {
    const row = sheet.rows[r] ?? [];
    let filled = 0;
    let outside = false;
    for (let c = 0; c < row.length; c++) {
      if (!row[c] || !cleanText(row[c]!)) continue;
      filled++;
      if (c < left || c > right) outside = true;
    }
    if (filled === 0) continue;
    if (firstData < 0 && filled === 1) continue; // a title line above the rows
    if (outside) return null;
    if (firstData < 0) {
      // a first row of header words (序号 | 措施 | 责任部门 | 责任领导) is a table's own header, one not recognised as a
      // three-list's: its rows do not go on with the table before
      let words = 0;
      for (let c = 0; c < row.length; c++) if (row[c] && (matchHeader(cleanText(row[c]!))?.exact || isReferenceHeader(row[c]!))) words++;
      if (words >= 2 && words >= filled - 1) return null;
      firstData = r;
    }
    looked++;
    if (cleanText(row[measureCol] ?? '')) withMeasure++;
    if (filled >= 2) wide++;
    for (const c of nameCols) if (cleanText(row[c] ?? '').length > 60) return null; // prose, not names
  }
  if (firstData < 0 || withMeasure < looked * 0.6 || wide < looked * 0.6) return null;
  return {
    sheet: sheet.name,
    headerRow: firstData,
    headerRows: 0,
    columns: previous.columns.map((c) => ({ ...c })),
    title: '',
    unit: '',
    ...(previous.headerKeys ? { headerKeys: previous.headerKeys } : {}),
    ...(previous.idColumn !== undefined ? { idColumn: previous.idColumn } : {}),
    continues: { from: previous.continues?.from ?? previous.sheet },
  };
}
