import { zipSync } from 'fflate';
import { openZip } from './zip';

/**
 * Several workbooks in one .zip (分发给各部门 downloads one per department). The workbooks are deflated already, so
 * they are stored as they are. File names are written as UTF-8 with the flag that says so (fflate sets it for any
 * name outside ASCII), which Windows' Explorer, 7-Zip and macOS read.
 */
export function zipFiles(files: readonly { name: string; bytes: Uint8Array }[]): Uint8Array {
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {};
  for (const f of files) entries[f.name] = [f.bytes, { level: 0 }];
  return zipSync(entries);
}

const isZipBytes = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Whether bytes are a .zip of workbooks rather than a workbook (itself a zip, with xl/workbook.xml inside). */
export function isZipOfFiles(bytes: Uint8Array): boolean {
  if (!isZipBytes(bytes)) return false;
  try {
    const names = openZip(bytes).names;
    return !names.includes('[Content_Types].xml') && names.some((n) => /\.xlsx$/i.test(n));
  } catch {
    return false;
  }
}

/** The .xlsx files inside a .zip (folders flattened, macOS' __MACOSX and Office's ~$ lock files left out). */
export function xlsxFilesInZip(bytes: Uint8Array): { name: string; bytes: Uint8Array }[] {
  const zip = openZip(bytes);
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const path of zip.names) {
    const name = path.split('/').pop() ?? path;
    if (!/\.xlsx$/i.test(name) || path.startsWith('__MACOSX/') || name.startsWith('~$')) continue;
    const data = zip.read(path);
    if (data) out.push({ name, bytes: data });
  }
  return out;
}
