import { useCallback, useRef, useState } from 'react';
import { ImportError, importErrorMessage } from '../../domain/import/errors';
import type { ImportRow } from '../../domain/import/types';
import { MAX_FILE_BYTES } from '../../xlsx/readXlsx';
import { readCopiesInWorkers } from '../../xlsx/readCopiesInWorkers';
import { isZipOfFiles, xlsxFilesInZip } from '../../xlsx/zipFiles';

/** A returned workbook as read: its rows, title and the list it was exported from (if ours). */
export interface ReadCopy {
  file: string;
  rows: ImportRow[];
  title: string;
  listId: string | null;
  /** each sheet's rows, when the workbook has several tables (one sheet per department) */
  sheetRows?: ImportRow[][];
}

export type MergeState =
  | { status: 'idle' }
  | { status: 'reading'; done: number; total: number }
  | { status: 'preview'; copies: ReadCopy[]; errors: string[] };

/** Workbooks read at once: the machine's cores, not one worker per file of a thirty-file drop. */
const PARALLEL = Math.max(1, Math.min(4, (typeof navigator !== 'undefined' && navigator.hardwareConcurrency) || 2));

/**
 * Taking the departments' copies back: any number of .xlsx files (or .zip files of them), read off the page by the
 * import's reader in a worker per core (see copiesWorker.ts), then one preview of all of them. A file that cannot be read
 * is named in the preview with the import's message; the others go on.
 */
export function useMergeSession() {
  const [state, setState] = useState<MergeState>({ status: 'idle' });
  const session = useRef(0);

  const start = useCallback(async (files: readonly File[]) => {
    const mine = ++session.current;
    const errors: string[] = [];
    const inputs: { name: string; bytes: Uint8Array }[] = [];
    setState({ status: 'reading', done: 0, total: files.length });
    for (const f of files) {
      if (f.size > MAX_FILE_BYTES) {
        errors.push(importErrorMessage('too-large', f.name));
        continue;
      }
      const bytes = new Uint8Array(await f.arrayBuffer());
      if (/\.zip$/i.test(f.name) || isZipOfFiles(bytes)) {
        try {
          const inside = xlsxFilesInZip(bytes);
          if (inside.length === 0) errors.push(`压缩包“${f.name}”中没有 .xlsx 文件。`);
          inputs.push(...inside);
        } catch {
          errors.push(importErrorMessage('corrupt', f.name));
        }
      } else inputs.push({ name: f.name, bytes });
    }
    const copies: (ReadCopy | null)[] = inputs.map(() => null);
    let done = 0;
    await readCopiesInWorkers(inputs, PARALLEL, (i, read) => {
      const name = inputs[i]!.name;
      if (read instanceof Error) {
        errors.push(read instanceof ImportError ? importErrorMessage(read.code, name) : `读取“${name}”时出错：${read.message}`);
      } else copies[i] = { file: name, ...read };
      done++;
      if (mine === session.current) setState({ status: 'reading', done, total: inputs.length });
    });
    if (mine !== session.current) return;
    performance.mark('sanqingdan:merge-read'); // the benchmark tells reading from merging by it
    setState({ status: 'preview', copies: copies.filter((c): c is ReadCopy => c !== null), errors });
  }, []);

  const close = useCallback(() => {
    session.current++;
    setState({ status: 'idle' });
  }, []);

  return { state, start, close };
}
