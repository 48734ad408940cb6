/**
 * Writes the sample list (samples/sample-list.json, what “打开示例” opens) as the meeting workbook, through the same
 * code as the app's export: `npx tsx tests/tools/exportSample.ts out.xlsx`. render-export.sh uses it to render the
 * sample as a printer would.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildExport } from '../../src/domain/export/buildExport';
import { defaultOptions } from '../../src/domain/export/exportOptions';
import { applyInMemory, emptyTables, listFromTables } from '../../src/domain/memoryState';
import { buildRows } from '../../src/domain/rows';
import { samplePatch, type SampleFile } from '../../src/domain/sample';
import { writeXlsx } from '../../src/xlsx/writeXlsx';

const out = process.argv[2];
if (!out) {
  process.stderr.write('用法：npx tsx tests/tools/exportSample.ts <输出.xlsx>\n');
  process.exit(2);
}
const sample = JSON.parse(readFileSync(fileURLToPath(new URL('../../samples/sample-list.json', import.meta.url)), 'utf8')) as SampleFile;
const tables = emptyTables();
const { patch, list } = samplePatch(sample, { departments: [], leaders: [] });
applyInMemory(tables, patch);
const { content, directory } = listFromTables(tables, list.id);
writeFileSync(out, writeXlsx(buildExport(content, directory, defaultOptions(buildRows(content.problems, content.measures)))));
