import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldId } from '../../domain/fields';
import { ImportError, importErrorMessage } from '../../domain/import/errors';
import { extractAll, remapColumn, rereadWarnings, setContinuation } from '../../domain/import/importWorkbook';
import { importPastedTable, PASTED_TABLE_NAME, pastedLines, pastedTable } from '../../domain/import/pastedTable';
import { importPatch, nameReport, type ImportPlan, type MatchedName, type NewName } from '../../domain/import/importPlan';
import { diffUpdate, type UpdateDiff } from '../../domain/import/importUpdate';
import { filledFields } from '../../domain/import/rowFields';
import type { ImportRow, ImportWarning, SheetAnalysis } from '../../domain/import/types';
import type { Id, ListContent } from '../../domain/types';
import { store } from '../../storage/store';
import { MAX_FILE_BYTES } from '../../xlsx/readXlsx';
import { readXlsxInWorker, type WorkbookInWorker } from '../../xlsx/readInWorker';
import { requestColumnsShown } from '../columnsToShow';
import { showMessage } from '../messages';
import { runPatch } from '../run';

export interface Preview {
  fileName: string;
  analyses: SheetAnalysis[];
  rows: ImportRow[];
  warnings: ImportWarning[];
  title: string;
  unit: string;
  newNames: NewName[];
  /** names of the file that are existing records (same name, or an alias), with why */
  matchedNames: MatchedName[];
  /** the list this workbook was exported from, when it still exists: the import can update it in place */
  origin: ListContent | null;
  diff: UpdateDiff | null;
  /** a table pasted over this open (empty) list: the preview offers to add the rows to it */
  pastedInto?: Id;
}

export type ImportState =
  | { status: 'idle' }
  | { status: 'reading'; fileName: string; done: number; total: number }
  | { status: 'error'; fileName: string; message: string }
  | ({ status: 'preview' } & Preview);

const isXlsxName = (name: string) => /\.(xlsx|xlsm)$/i.test(name);

/**
 * One import from file to list: read in the worker, analyse, let the user adjust the preview, then commit as one
 * patch. Any failure before the commit leaves the database untouched. The worker keeps the workbook's sheets while the
 * preview is open (a changed column mapping is read there), and is ended when the preview closes.
 */
export function useImportSession() {
  const [state, setState] = useState<ImportState>({ status: 'idle' });
  const workbook = useRef<WorkbookInWorker | null>(null);
  /** the mappings last asked for: a second change made while the first is being read builds on the first */
  const analyses = useRef<SheetAnalysis[]>([]);
  /** the mappings the preview shows: where a failed change goes back to */
  const shown = useRef<SheetAnalysis[]>([]);
  const remapSeq = useRef(0);
  /** one count per file chosen, cancel or unmount: a read that finishes for an abandoned session is ended at once */
  const session = useRef(0);

  const closeWorkbook = useCallback(() => {
    workbook.current?.close();
    workbook.current = null;
  }, []);
  useEffect(
    () => () => {
      session.current++;
      closeWorkbook();
    },
    [closeWorkbook],
  );

  /** The preview of a workbook read (from a file, or a pasted table), unless the session moved on meanwhile. */
  const showPreview = useCallback(async (mine: number, fileName: string, read: WorkbookInWorker, pastedInto?: Id) => {
    if (mine !== session.current) return read.close(); // cancelled, or another file chosen, meanwhile
    workbook.current = read;
    const { result } = read;
    analyses.current = shown.current = result.analyses;
    const directory = await store.loadDirectory();
    const origin = result.listId ? await store.loadListContent(result.listId) : null;
    if (mine !== session.current) return;
    const names = nameReport(result.rows, directory);
    setState({
      status: 'preview',
      fileName,
      ...result,
      newNames: names.fresh,
      matchedNames: names.matched,
      origin,
      diff: origin ? diffUpdate(result.rows, origin, directory) : null,
      ...(pastedInto ? { pastedInto } : {}),
    });
  }, []);

  const start = useCallback(async (file: File) => {
    const mine = ++session.current;
    closeWorkbook();
    const fileName = file.name;
    if (file.size > MAX_FILE_BYTES) return setState({ status: 'error', fileName, message: importErrorMessage('too-large', fileName) });
    setState({ status: 'reading', fileName, done: 0, total: 0 });
    try {
      const bytes = await file.arrayBuffer();
      const read = await readXlsxInWorker(bytes, (done, total) => setState({ status: 'reading', fileName, done, total }));
      await showPreview(mine, fileName, read);
    } catch (e) {
      const message =
        e instanceof ImportError
          ? importErrorMessage(e.code, fileName)
          : `读取“${fileName}”时出错：${e instanceof Error ? e.message : String(e)}。请确认文件是 .xlsx 格式后重试。`;
      if (!(e instanceof ImportError) || !isXlsxName(fileName)) console.warn(e);
      if (mine !== session.current) return;
      closeWorkbook();
      setState({ status: 'error', fileName, message });
    }
  }, [closeWorkbook, showPreview]);

  /**
   * A table pasted (Ctrl+V) where no cell takes it: the start page, an empty list, outside the grid. It is read as a
   * file is, in the page (a clipboard's table is small), and previewed the same way; `into` is the open list it was
   * pasted over, which the preview offers first. Returns false when the text holds no table (or, `needsHeader`, no
   * table with its header row).
   */
  const startPaste = useCallback(
    async (text: string, { into, needsHeader = false }: { into?: Id; needsHeader?: boolean } = {}): Promise<boolean> => {
      const table = pastedTable(text);
      if (!table || (needsHeader && table.addedHeader)) return false;
      const mine = ++session.current;
      closeWorkbook();
      try {
        const read: WorkbookInWorker = {
          result: importPastedTable(table),
          extract: async (a) => pastedLines(table, extractAll(table.sheets, a)),
          close: () => undefined,
        };
        await showPreview(mine, PASTED_TABLE_NAME, read, into);
      } catch (e) {
        if (mine !== session.current) return true;
        const message = e instanceof ImportError ? importErrorMessage(e.code, PASTED_TABLE_NAME) : `读取粘贴的内容时出错：${e instanceof Error ? e.message : String(e)}。`;
        setState({ status: 'error', fileName: PASTED_TABLE_NAME, message });
      }
      return true;
    },
    [closeWorkbook, showPreview],
  );

  /** The rows read again with changed mappings (a column mapped to another field, a continuation sheet left out). */
  const reread = useCallback(async (change: (analyses: SheetAnalysis[]) => SheetAnalysis[]) => {
    const read = workbook.current;
    if (!read) return showMessage('这个预览已不能再改列的对应，请重新选择文件导入。', 'error');
    const next = change(analyses.current);
    analyses.current = next;
    const seq = ++remapSeq.current;
    try {
      const [directory, { rows, warnings }] = await Promise.all([store.loadDirectory(), read.extract(next)]);
      if (seq !== remapSeq.current || workbook.current !== read) return; // a later change, or another file, took over
      shown.current = next;
      const names = nameReport(rows, directory);
      setState((s) =>
        s.status !== 'preview'
          ? s
          : {
              ...s,
              analyses: next,
              rows,
              warnings: rereadWarnings(s.warnings, warnings),
              newNames: names.fresh,
              matchedNames: names.matched,
              diff: s.origin ? diffUpdate(rows, s.origin, directory) : null,
            },
      );
    } catch (e) {
      if (seq === remapSeq.current) analyses.current = shown.current;
      if (workbook.current === read) showMessage(`按新的列对应读取时出错：${e instanceof Error ? e.message : String(e)}。`, 'error');
    }
  }, []);

  /** The user maps a column to another field (or to none): the rows are read again with the new mapping. */
  const remap = useCallback(
    (sheet: string, column: number, field: FieldId | null) => reread((a) => remapColumn(a, sheet, column, field)),
    [reread],
  );

  /** The user takes a sheet read as a continuation of the table before it out of the import, or back in. */
  const setContinued = useCallback((sheet: string, on: boolean) => reread((a) => setContinuation(a, sheet, on)), [reread]);

  const cancel = useCallback(() => {
    session.current++;
    closeWorkbook();
    setState({ status: 'idle' });
  }, [closeWorkbook]);

  /** Commits the import; returns the list to show, or null when it failed (and nothing changed). */
  const confirm = useCallback(
    async (plan: Omit<ImportPlan, 'rows'>): Promise<Id | null> => {
      if (state.status !== 'preview') return null;
      const directory = await store.loadDirectory();
      // marks for `npm run bench`: the import's commit to IndexedDB, from patch to stored
      performance.mark('sanqingdan:import-commit-start');
      // the rows are here: the worker's copy of the sheets need not outlive them through the commit (should the commit
      // fail, the preview can still be confirmed; only a change of mapping then asks for the file again)
      closeWorkbook();
      const { patch, listId } = importPatch({ ...plan, rows: state.rows }, directory, state.fileName);
      const opened = store.openListAhead(listId); // the list shown next takes the records as they are stored
      const ok = await runPatch(patch);
      performance.measure('sanqingdan:import-commit', 'sanqingdan:import-commit-start');
      if (!ok) {
        opened.release();
        return null;
      }
      showMessage(`已导入 ${state.rows.length} 条措施。如需撤销，点“撤销”。`);
      // a column the grid hides (not shown by default, or hidden by the user) would make its imported values look lost
      requestColumnsShown(listId, filledFields(state.rows));
      setState({ status: 'idle' });
      return listId;
    },
    [state, closeWorkbook],
  );

  return { state, start, startPaste, remap, setContinued, cancel, confirm };
}
