import { distributionParts, distributionRecord, partOptions, type DistributionMode } from '../../domain/consolidate/distribute';
import { buildExport } from '../../domain/export/buildExport';
import { uniqueSheetName } from '../../domain/export/excelLimits';
import { ID_SHEET } from '../../domain/rowIds';
import { exportFileName } from '../../domain/export/exportOptions';
import type { SheetSpec } from '../../domain/export/workbookSpec';
import { buildRows } from '../../domain/rows';
import type { Directory, ListContent } from '../../domain/types';
import { writeXlsx } from '../../xlsx/writeXlsx';
import { zipFiles } from '../../xlsx/zipFiles';
import { loadExportSettings } from '../export/exportSettings';
import { saveDistribution } from './distributionStore';

export type Packaging = 'zip' | 'sheets';

/**
 * The files of one 分发: a .zip with a workbook per department, or one workbook with a sheet per department; each
 * laid out by the export, with the list's export settings. The record of what went out is kept for the merge.
 */
export function sendOut(content: ListContent, directory: Directory, mode: DistributionMode, packaging: Packaging, date = new Date()): { bytes: Uint8Array; fileName: string; parts: number; saved: boolean } {
  const rows = buildRows(content.problems, content.measures);
  const { scope: _scope, ...settings } = loadExportSettings(content.list.id, rows);
  const base = { ...settings, date };
  const parts = distributionParts(content, directory, mode, date);
  if (parts.length === 0) throw new Error('清单中还没有填写责任部门的措施，无法分发。请先为措施填写责任部门。');
  const specs = parts.map((p) => buildExport(content, directory, partOptions(base, p, mode), p.rows));
  const saved = saveDistribution(distributionRecord(content, directory, parts, mode, date.getTime()));
  const listFile = exportFileName(content.list.unit, content.list.title, date);
  if (packaging === 'zip') {
    const files = specs.map((spec, i) => ({ name: parts[i]!.fileName, bytes: writeXlsx(spec) }));
    return { bytes: zipFiles(files), fileName: listFile.replace(/\.xlsx$/i, '_分发.zip'), parts: parts.length, saved };
  }
  // one workbook: each part's list sheet, then one id sheet (the same list)
  const used = new Set<string>([ID_SHEET.toLowerCase()]);
  const sheets: SheetSpec[] = specs.map((s, i) => ({ ...s.sheets[0]!, name: uniqueSheetName(parts[i]!.department, used) }));
  sheets.push(specs[0]!.sheets[specs[0]!.sheets.length - 1]!);
  return { bytes: writeXlsx({ sheets, title: specs[0]!.title }), fileName: listFile.replace(/\.xlsx$/i, '_各部门.xlsx'), parts: parts.length, saved };
}
