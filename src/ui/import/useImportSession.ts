import { useCallback, useState } from 'react';
import type { FieldId } from '../../domain/fields';
import { ImportError, importErrorMessage } from '../../domain/import/errors';
import { extractAll } from '../../domain/import/importWorkbook';
import { importPatch, newNames, type ImportPlan, type NewName } from '../../domain/import/importPlan';
import { diffUpdate, type UpdateDiff } from '../../domain/import/importUpdate';
import type { ImportRow, ImportWarning, SheetAnalysis, SheetTable } from '../../domain/import/types';
import type { Id, ListContent } from '../../domain/types';
import { store } from '../../storage/store';
import { MAX_FILE_BYTES } from '../../xlsx/readXlsx';
import { readXlsxInWorker } from '../../xlsx/readInWorker';
import { showMessage } from '../messages';
import { runPatch } from '../run';

export interface Preview {
  fileName: string;
  sheets: SheetTable[];
  analyses: SheetAnalysis[];
  rows: ImportRow[];
  warnings: ImportWarning[];
  title: string;
  unit: string;
  newNames: NewName[];
  /** the list this workbook was exported from, when it still exists: the import can update it in place */
  origin: ListContent | null;
  diff: UpdateDiff | null;
}

export type ImportState =
  | { status: 'idle' }
  | { status: 'reading'; fileName: string; done: number; total: number }
  | { status: 'error'; fileName: string; message: string }
  | ({ status: 'preview' } & Preview);

const isXlsxName = (name: string) => /\.(xlsx|xlsm)$/i.test(name);

/**
 * One import from file to list: read in the worker, analyse, let the user adjust the preview, then commit as one
 * patch. Any failure before the commit leaves the database untouched.
 */
export function useImportSession() {
  const [state, setState] = useState<ImportState>({ status: 'idle' });

  const start = useCallback(async (file: File) => {
    const fileName = file.name;
    if (file.size > MAX_FILE_BYTES) return setState({ status: 'error', fileName, message: importErrorMessage('too-large', fileName) });
    setState({ status: 'reading', fileName, done: 0, total: 0 });
    try {
      const bytes = await file.arrayBuffer();
      const { sheets, result } = await readXlsxInWorker(bytes, (done, total) => setState({ status: 'reading', fileName, done, total }));
      const directory = await store.loadDirectory();
      const origin = result.listId ? await store.loadListContent(result.listId) : null;
      setState({
        status: 'preview',
        fileName,
        sheets,
        ...result,
        newNames: newNames(result.rows, directory),
        origin,
        diff: origin ? diffUpdate(result.rows, origin, directory) : null,
      });
    } catch (e) {
      const message =
        e instanceof ImportError
          ? importErrorMessage(e.code, fileName)
          : `读取“${fileName}”时出错：${e instanceof Error ? e.message : String(e)}。请确认文件是 .xlsx 格式后重试。`;
      if (!(e instanceof ImportError) || !isXlsxName(fileName)) console.warn(e);
      setState({ status: 'error', fileName, message });
    }
  }, []);

  /** The user maps a column to another field (or to none): the rows are read again with the new mapping. */
  const remap = useCallback(async (sheet: string, column: number, field: FieldId | null) => {
    const directory = await store.loadDirectory();
    setState((s) => {
      if (s.status !== 'preview') return s;
      const analyses = s.analyses.map((a) =>
        a.sheet !== sheet
          ? a
          : {
              ...a,
              columns: a.columns.map((c) => {
                if (c.index === column) return { ...c, field };
                // one column per single-valued field: the previous holder lets go
                const single = field && field !== 'departments' && field !== 'leaders';
                return single && c.field === field ? { ...c, field: null } : c;
              }),
            },
      );
      const { rows, warnings } = extractAll(s.sheets, analyses);
      return {
        ...s,
        analyses,
        rows,
        warnings: [...s.warnings.filter((w) => w.row === undefined), ...warnings],
        newNames: newNames(rows, directory),
        diff: s.origin ? diffUpdate(rows, s.origin, directory) : null,
      };
    });
  }, []);

  const cancel = useCallback(() => setState({ status: 'idle' }), []);

  /** Commits the import; returns the list to show, or null when it failed (and nothing changed). */
  const confirm = useCallback(
    async (plan: Omit<ImportPlan, 'rows'>): Promise<Id | null> => {
      if (state.status !== 'preview') return null;
      const directory = await store.loadDirectory();
      // marks for `npm run bench`: the import's commit to IndexedDB, from patch to stored
      performance.mark('sanqingdan:import-commit-start');
      const { patch, listId } = importPatch({ ...plan, rows: state.rows }, directory, state.fileName);
      const ok = await runPatch(patch);
      performance.measure('sanqingdan:import-commit', 'sanqingdan:import-commit-start');
      if (!ok) return null;
      showMessage(`已导入 ${state.rows.length} 条措施。如需撤销，点“撤销”。`);
      setState({ status: 'idle' });
      return listId;
    },
    [state],
  );

  return { state, start, remap, cancel, confirm };
}
