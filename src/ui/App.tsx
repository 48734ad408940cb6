import { useEffect, useRef, useState } from 'react';
import { defaultListTitle, listDisplayName, nextPeriod, type ListMeta } from '../domain/lists';
import { statusOptionsOf } from '../domain/status';
import type { RiskList } from '../domain/types';
import { useDirectory, useListContent, useLists } from '../storage/hooks';
import { describeError } from '../storage/errors';
import { undoStack, onVersionChange, openDatabase } from '../storage/store';
import { pickList, useCurrentListId } from './currentList';
import { DirectoryPage } from './DirectoryPage';
import { ChangeLogPage } from './changeLog/ChangeLogPage';
import { EmptyState } from './EmptyState';
import { createNewList, deleteExistingList, editListMeta, openSample, startNextPeriodOf } from './listActions';
import { NextPeriodDialog } from './cycle/NextPeriodDialog';
import { carryCounts } from '../domain/cycle/carryOver';
import { ListMetaDialog } from './ListMetaDialog';
import { currentPeriod } from '../domain/period';
import { pastedTableTarget } from '../domain/import/pastedTable';
import { ListSwitcher } from './ListSwitcher';
import { ListView } from './ListView';
import { ListPages } from './cycle/ListPages';
import { ConfirmDialog } from './Modal';
import { useUpdateAvailable } from '../pwa/registerServiceWorker';
import { BackupControls } from './backup/BackupControls';
import { ImportButton } from './import/ImportButton';
import { ImportDialog } from './import/ImportDialog';
import { useImportSession } from './import/useImportSession';
import { Messages } from './Messages';
import { ShortcutSheet } from './ShortcutSheet';
import { StatusBar } from './StatusBar';
import { requestUndo, UndoButtons } from './UndoButtons';
import { takeMergeDrop } from './consolidate/mergeDrop';
import { showMessage } from './messages';
import { redo } from './run';

type View = 'list' | 'directory' | 'changeLog' | 'review' | 'rounds';
type Dialog = { type: 'new' } | { type: 'edit'; list: RiskList } | { type: 'duplicate'; list: RiskList } | { type: 'delete'; list: RiskList } | null;

const isTyping = (el: Element | null) =>
  el instanceof HTMLElement && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));

export function App() {
  const lists = useLists();
  const directory = useDirectory();
  const [currentId, setCurrentId] = useCurrentListId();
  const current = lists ? pickList(lists, currentId) : null;
  const content = useListContent(current?.id ?? null);
  const [view, setView] = useState<View>('list');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [outdated, setOutdated] = useState(false);
  const importSession = useImportSession();
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  // a .xlsx dropped anywhere on the page is imported like one chosen with the button
  useEffect(() => {
    const hasFiles = (e: DragEvent) => !!e.dataTransfer?.types.includes('Files');
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!e.relatedTarget) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      if (takeMergeDrop(e.dataTransfer?.files)) return; // several files or a .zip: departments' copies to merge
      const file = e.dataTransfer?.files[0];
      if (file) void importSession.start(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [importSession.start]);

  // Ctrl+V of a table where no cell takes it (the start page, an empty list, a list with no cell focused) imports it
  // through the preview, as the start page promises; over a list with rows, only a table with its header row
  const pasteTarget = useRef<{ listId: string | null; empty: boolean; onList: boolean }>({ listId: null, empty: true, onList: true });
  pasteTarget.current = { listId: current?.id ?? null, empty: !current || (!!content && content.problems.length === 0), onList: view === 'list' };
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const { listId, empty, onList } = pasteTarget.current;
      if (e.defaultPrevented || !onList || isTyping(document.activeElement) || document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      const text = e.clipboardData?.getData('text/plain');
      if (!text) return;
      e.preventDefault();
      void importSession.startPaste(text, pastedTableTarget({ listId, empty })).then((taken) => {
        if (!taken && !empty) showMessage('要粘贴到清单中，请先点选一个单元格；要导入一张表格，请连同表头一起复制。');
      });
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [importSession.startPaste]);

  useEffect(() => onVersionChange(() => setOutdated(true)), []);
  const [fatal, setFatal] = useState<string | null>(null);
  useEffect(() => {
    openDatabase().catch((e: unknown) => setFatal(describeError(e)));
  }, []);
  const applyUpdate = useUpdateAvailable();

  // Undo and redo work anywhere on the page except inside a text field, where the field's own undo applies.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isTyping(document.activeElement)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) requestUndo(undoStack);
      else if (key === 'y' || (key === 'z' && e.shiftKey)) void redo();
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // F1 anywhere, or ? when no text is typed and no cell is focused (there it is a character to type), shows the keys
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const inGrid = document.activeElement instanceof HTMLElement && !!document.activeElement.closest('.ag-root-wrapper');
      const f1 = e.key === 'F1';
      const question = e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !isTyping(document.activeElement) && !inGrid;
      if (!f1 && !question) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return; // one dialog at a time
      e.preventDefault();
      e.stopPropagation();
      setShortcutsOpen(true);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  useEffect(() => {
    document.title = current ? `${listDisplayName(current)} - 三清单` : '三清单 - 意识形态领域风险“三清单”';
  }, [current]);

  const select = (id: string | null) => {
    setCurrentId(id);
    setView('list');
  };
  const metaOf = (l: RiskList): ListMeta => ({ unit: l.unit, title: l.title, period: l.period, statuses: [...statusOptionsOf(l)] });
  const lastUnit = lists?.[lists.length - 1]?.unit ?? '';

  let main;
  if (fatal)
    main = (
      <div className="empty-state" role="alert" data-testid="storage-error">
        <h1>无法打开本机数据</h1>
        <p>{fatal}</p>
      </div>
    );
  else if (!lists || !directory) main = <p className="loading">正在打开本机数据…</p>;
  else if (view === 'directory') main = <DirectoryPage directory={directory} />;
  else if (view === 'changeLog' && current) main = <ChangeLogPage list={current} directory={directory} />;
  else if ((view === 'review' || view === 'rounds') && current && content) main = <ListPages page={view} content={content} directory={directory} />;
  else if (!current)
    main = (
      <EmptyState
        onCreate={() => setDialog({ type: 'new' })}
        onImport={() => fileInput.current?.click()}
        onSample={() => void openSample().then((id) => id && select(id))}
      />
    );
  else if (content === null) main = <p className="loading">正在打开清单…</p>;
  // shown while the list is still read: the grid is made meanwhile (50-80 ms that the first rows need not wait for)
  else main = <ListView key={current.id} list={current} content={content} directory={directory} />;

  return (
    <div className="app">
      {outdated && (
        <div className="banner" role="alert">
          本应用已在其他标签页中更新。为避免数据冲突，请
          <button type="button" onClick={() => location.reload()}>
            刷新本页
          </button>
        </div>
      )}
      {applyUpdate && !outdated && (
        <div className="banner" role="status" data-testid="update-banner">
          三清单有新版本。请先完成正在编辑的内容，然后
          <button type="button" onClick={applyUpdate}>
            更新并刷新
          </button>
        </div>
      )}
      <header className="topbar">
        <div className="brand" title="意识形态领域风险“三清单”">
          三清单
        </div>
        <nav className="tabs" aria-label="页面">
          <button type="button" aria-current={view === 'list'} data-testid="tab-list" onClick={() => setView('list')}>
            清单
          </button>
          <button type="button" aria-current={view === 'directory'} data-testid="tab-directory" onClick={() => setView('directory')}>
            部门与领导
          </button>
          {current && (
            <button type="button" aria-current={view === 'review'} data-testid="tab-review" title="各位领导审核本清单的问题和措施" onClick={() => setView('review')}>
              审核
            </button>
          )}
          {current && (
            <button type="button" aria-current={view === 'rounds'} data-testid="tab-rounds" title="研判轮次、两轮对比和通报" onClick={() => setView('rounds')}>
              研判
            </button>
          )}
          {current && (
            <button type="button" aria-current={view === 'changeLog'} data-testid="tab-history" onClick={() => setView('changeLog')}>
              修改记录
            </button>
          )}
        </nav>
        {view === 'list' && current && lists && (
          <ListSwitcher
            lists={lists}
            current={current}
            onSelect={select}
            onNew={() => setDialog({ type: 'new' })}
            onEdit={() => setDialog({ type: 'edit', list: current })}
            onDuplicate={() => setDialog({ type: 'duplicate', list: current })}
            onDelete={() => setDialog({ type: 'delete', list: current })}
          />
        )}
        <div className="topbar__right">
          <ImportButton input={fileInput} onFile={(f) => void importSession.start(f)} />
          <BackupControls onRestored={() => setView('list')} />
          {view === 'list' && current && (
            <button type="button" data-testid="open-sample-top" title="新建一份示例清单，看看完整的样子" onClick={() => void openSample().then((id) => id && select(id))}>
              打开示例
            </button>
          )}
          <UndoButtons undoStack={undoStack} />
          <button type="button" className="help-button" data-testid="shortcuts-button" title="快捷键（F1）" aria-label="快捷键（F1）" onClick={() => setShortcutsOpen(true)}>
            ?
          </button>
        </div>
      </header>
      {(view === 'list' || view === 'review' || view === 'rounds') && current && (
        <div className="list-heading">
          <h1 data-testid="list-heading">
            {current.unit && <span className="unit">{current.unit}</span>}
            {current.title}
          </h1>
          {current.period && <span className="period">{current.period}</span>}
        </div>
      )}
      <main>{main}</main>
      <StatusBar hasData={!!lists && lists.length > 0} />
      {dragging && <div className="drop-overlay">松开鼠标以导入 Excel 文件</div>}
      {directory && (
        <ImportDialog
          state={importSession.state}
          directory={directory}
          current={content ?? null}
          onRemap={(sheet, column, field) => void importSession.remap(sheet, column, field)}
          onContinue={(sheet, on) => void importSession.setContinued(sheet, on)}
          onCancel={importSession.cancel}
          onConfirm={({ done, ...plan }) =>
            void importSession.confirm(plan).then((id) => {
              done();
              if (id) select(id);
            })
          }
        />
      )}
      <Messages />
      {shortcutsOpen && <ShortcutSheet onClose={() => setShortcutsOpen(false)} />}
      {dialog?.type === 'new' && (
        <ListMetaDialog
          title="新建清单"
          submitLabel="创建"
          unitSuggestion={lastUnit}
          initial={{ unit: '', title: defaultListTitle(new Date()), period: currentPeriod() }}
          onSubmit={async (meta) => {
            const id = await createNewList(meta);
            if (id) select(id);
            return !!id;
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.type === 'edit' && (
        <ListMetaDialog title="清单设置" submitLabel="保存" initial={metaOf(dialog.list)} onSubmit={(meta) => editListMeta(dialog.list, meta)} onClose={() => setDialog(null)} />
      )}
      {dialog?.type === 'duplicate' && (
        <NextPeriodDialog
          initial={{ ...metaOf(dialog.list), period: nextPeriod(dialog.list.period) }}
          counts={carryCounts(content && content.list.id === dialog.list.id ? content : { measures: [] })}
          onSubmit={async (meta, choice) => {
            const id = await startNextPeriodOf(dialog.list.id, meta, choice);
            if (id) select(id);
            return !!id;
          }}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.type === 'delete' && (
        <ConfirmDialog
          title="删除清单"
          message={`确定删除“${listDisplayName(dialog.list)}”及其全部问题和措施吗？删除后可点“撤销”恢复。`}
          confirmLabel="删除"
          danger
          onConfirm={() => void deleteExistingList(dialog.list.id)}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
