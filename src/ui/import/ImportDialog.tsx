import { useMemo, useState } from 'react';
import { KIND_LABEL } from '../../domain/directory';
import { FIELDS, fieldSpec, isImportable, type FieldId } from '../../domain/fields';
import { importedFields, importRowText } from '../../domain/import/rowFields';
import { NewNameSelect } from './NewNameSelect';
import { mappingKey, matchedText, similarText, type ImportMode } from '../../domain/import/importPlan';
import { suggestedMeta, warningText } from '../../domain/import/importWorkbook';
import type { ListMeta } from '../../domain/lists';
import type { Directory, Id, ListContent } from '../../domain/types';
import { suggestedPeriod } from '../../domain/period';
import { Modal } from '../Modal';
import type { ImportState, Preview } from './useImportSession';

interface Props {
  state: ImportState;
  directory: Directory;
  current: ListContent | null;
  onRemap: (sheet: string, column: number, field: FieldId | null) => void;
  /** a sheet read as the continuation of the table before it: imported so (on) or left out */
  onContinue: (sheet: string, on: boolean) => void;
  onConfirm: (plan: { mode: ImportMode; meta?: ListMeta; target?: ListContent; mapped: Map<string, Id>; done: () => void }) => void;
  onCancel: () => void;
}

const PREVIEW_ROWS = 200;

/** Reading progress, a refusal with what to do, or the preview to confirm. */
export function ImportDialog({ state, directory, current, onRemap, onContinue, onConfirm, onCancel }: Props) {
  if (state.status === 'idle') return null;
  if (state.status === 'reading') {
    return (
      <Modal title="导入 Excel" onClose={onCancel} testId="import-dialog" footer={<button type="button" onClick={onCancel}>取消</button>}>
        <p data-testid="import-progress">
          正在读取“{state.fileName}”{state.total > 0 ? `：工作表 ${Math.min(state.done + 1, state.total)} / ${state.total}` : '…'}
        </p>
        <progress max={state.total || 1} value={state.total ? state.done : undefined} />
      </Modal>
    );
  }
  if (state.status === 'error') {
    return (
      <Modal title="无法导入" onClose={onCancel} testId="import-dialog" footer={<button type="button" className="primary" onClick={onCancel}>知道了</button>}>
        <p className="error-text" data-testid="import-error" role="alert">
          {state.message}
        </p>
        <p className="muted">数据没有任何改动。</p>
      </Modal>
    );
  }
  return <PreviewDialog preview={state} directory={directory} current={current} onRemap={onRemap} onContinue={onContinue} onConfirm={onConfirm} onCancel={onCancel} />;
}

function PreviewDialog({ preview, directory, current, onRemap, onContinue, onConfirm, onCancel }: Omit<Props, 'state'> & { preview: Preview }) {
  // a table pasted over the open empty list goes into it; a file this app exported, back into its list
  const [mode, setMode] = useState<ImportMode>(preview.origin ? 'update' : preview.pastedInto && preview.pastedInto === current?.list.id ? 'append' : 'new');
  const [busy, setBusy] = useState(false);
  // the period the table's title names (a file made last period is last period's list), else this half-year
  const [meta, setMeta] = useState<ListMeta>({ ...suggestedMeta(preview, preview.fileName), period: suggestedPeriod(preview.title) });
  // nothing is mapped for the user: a new name is a new record unless the user maps it (two people are never merged by
  // a guess; similar records are offered first in each choice)
  const [mapped, setMapped] = useState<Map<string, Id>>(() => new Map());
  // the continuation sheets the user left out, shown at once (the rows follow when the worker has read them again)
  const [leftOut, setLeftOut] = useState<ReadonlySet<string>>(() => new Set(preview.analyses.filter((a) => a.continues?.off).map((a) => a.sheet)));
  const many = preview.analyses.length > 1;
  // every field the mapping imports, as the grid will order and name them (a remapped column moves with its field)
  const fields = useMemo(() => importedFields(preview.analyses), [preview.analyses]);
  const problems = useMemo(() => new Set(preview.rows.map((r) => `${r.sheet}:${r.problem}`)).size, [preview.rows]);

  return (
    <Modal
      title={`导入预览：${preview.fileName}`}
      onClose={onCancel}
      testId="import-dialog"
      wide
      footer={
        <>
          <span className="hint">导入作为一步完成：要么全部导入，要么不作任何改动；导入后可撤销。</span>
          <button type="button" onClick={onCancel}>
            取消
          </button>
          <button
            type="button"
            className="primary"
            data-testid="import-confirm"
            disabled={busy || preview.rows.length === 0 || (mode === 'new' && !meta.title.trim())}
            onClick={() => {
              setBusy(true); // one click imports once; the dialog closes when the import has landed
              onConfirm({
                mode,
                meta: mode === 'new' ? meta : undefined,
                target: mode === 'update' ? preview.origin ?? undefined : mode === 'new' ? undefined : current ?? undefined,
                mapped,
                done: () => setBusy(false),
              });
            }}
          >
            {busy ? `正在导入 ${preview.rows.length} 条措施…` : `确认导入 ${preview.rows.length} 条措施`}
          </button>
        </>
      }
    >
      <p data-testid="import-summary">
        识别到 {preview.analyses.length} 个表格（{preview.analyses.map((a) => `“${a.sheet}”`).join('、')}），共 {problems} 个问题、
        {preview.rows.length} 条措施。
      </p>

      <fieldset className="import-mode">
        <legend>导入到</legend>
        {preview.origin && (
          <label className="check">
            <input type="radio" name="mode" data-testid="import-mode-update" checked={mode === 'update'} onChange={() => setMode('update')} />
            更新原清单“{preview.origin.list.title}”（按数据标识对应，不会重复）
          </label>
        )}
        <label className="check">
          <input type="radio" name="mode" data-testid="import-mode-new" checked={mode === 'new'} onChange={() => setMode('new')} />
          新建清单
        </label>
        <label className="check">
          <input type="radio" name="mode" data-testid="import-mode-append" disabled={!current} checked={mode === 'append'} onChange={() => setMode('append')} />
          追加到当前清单{current ? `“${current.list.title}”` : ''}
        </label>
        <label className="check">
          <input type="radio" name="mode" data-testid="import-mode-replace" disabled={!current} checked={mode === 'replace'} onChange={() => setMode('replace')} />
          替换当前清单的内容
        </label>
        {mode === 'new' && (
          <div className="import-meta">
            <input aria-label="单位名称" placeholder="单位名称" value={meta.unit} onChange={(e) => setMeta({ ...meta, unit: e.target.value })} />
            <input aria-label="标题" placeholder="标题" data-testid="import-title" value={meta.title} onChange={(e) => setMeta({ ...meta, title: e.target.value })} />
            <input aria-label="期次" placeholder="期次" value={meta.period} onChange={(e) => setMeta({ ...meta, period: e.target.value })} />
          </div>
        )}
        {mode === 'update' && preview.diff && (
          <div className="update-diff" data-testid="import-diff">
            <p>
              将更新 {preview.diff.changed.length} 条措施，新增 {preview.diff.added} 条，{preview.diff.unchanged} 条无变化；文件中没有的措施保持不变。
            </p>
            {preview.diff.changed.length > 0 && (
              <ul className="warnings">
                {preview.diff.changed.slice(0, 100).map((c, i) => (
                  <li key={i}>
                    {preview.analyses.length > 1 ? `工作表“${c.sheet}”` : ''}第 {c.excelRow} 行：{c.fields.join('、')}有修改
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {mode === 'replace' && current && (
          <p className="warn-text">
            将删除“{current.list.title}”现有的 {current.measures.length} 条措施，换成文件中的内容（可撤销）。替换前建议先点右上角“备份”保存一份。
          </p>
        )}
      </fieldset>

      <details open>
        <summary>列对应（可修改）</summary>
        {preview.analyses.map((a) =>
          a.continues ? (
            <div key={a.sheet} className="mapping">
              <label className="check">
                <input
                  type="checkbox"
                  data-testid={`import-continue-${a.sheet}`}
                  checked={!leftOut.has(a.sheet)}
                  onChange={(e) => {
                    const next = new Set(leftOut);
                    if (e.target.checked) next.delete(a.sheet);
                    else next.add(a.sheet);
                    setLeftOut(next);
                    onContinue(a.sheet, e.target.checked);
                  }}
                />
                工作表“{a.sheet}”没有表头，作为“{a.continues.from}”的续表导入（按其列对应）
              </label>
            </div>
          ) : (
            <div key={a.sheet} className="mapping">
              {many && <h3>工作表“{a.sheet}”（表头在第 {a.headerRow + 1} 行）</h3>}
              <div className="mapping__grid">
                {a.columns.map((c) => (
                  <label key={c.index} className={c.field ? 'mapped' : 'unmapped'}>
                    <span title={c.header}>{c.header || `第 ${c.index + 1} 列`}</span>
                    <select
                      data-testid={`map-${a.sheet}-${c.index}`}
                      value={c.field ?? ''}
                      onChange={(e) => onRemap(a.sheet, c.index, (e.target.value || null) as FieldId | null)}
                    >
                      <option value="">不导入</option>
                      {FIELDS.filter(isImportable).map((f) => (
                        <option key={f.id} value={f.id}>
                          {f.label}
                        </option>
                      ))}
                    </select>
                  </label>
                ))}
              </div>
            </div>
          ),
        )}
      </details>

      {(preview.newNames.length > 0 || preview.matchedNames.length > 0) && (
        <p data-testid="import-names-summary">
          部门和领导：{preview.matchedNames.length} 个名称与已有记录对应
          {preview.matchedNames.length > 0 && `（${namesWhy(preview.matchedNames)}）`}，{preview.newNames.length} 个是新名称
          {preview.newNames.length > 0 && '（将新建，也可在下方对应到已有的）'}。
        </p>
      )}

      {preview.matchedNames.length > 0 && (
        <details data-testid="import-matched-names">
          <summary>已对应到已有记录的名称（{preview.matchedNames.length} 个）</summary>
          <ul>
            {preview.matchedNames.map((m) => (
              <li key={`${m.kind}:${m.name}`}>
                {KIND_LABEL[m.kind]}“{m.name}”：{matchedText(m)}（{m.count} 处）
              </li>
            ))}
          </ul>
        </details>
      )}

      {preview.newNames.length > 0 && (
        <details open data-testid="import-new-names">
          <summary>新的部门和领导（{preview.newNames.length} 个）：将新建，或对应到已有的</summary>
          <table className="records compact">
            <tbody>
              {preview.newNames.map((n) => {
                const key = mappingKey(n.kind, n.name);
                return (
                  <tr key={key} data-testid={`new-name-${n.kind}-${n.name}`}>
                    <td>
                      {KIND_LABEL[n.kind]}“{n.name}”{n.post && <span className="muted">（职务：{n.post}）</span>}
                    </td>
                    <td className="muted">{n.count} 处</td>
                    <td>
                      <NewNameSelect name={n} directory={directory} mapped={mapped} onChange={setMapped} />
                    </td>
                    <td className="muted" data-testid="similar-names">
                      {n.similar.length > 0 && `相似的已有${KIND_LABEL[n.kind]}：${n.similar.map((x) => `“${x.name}”（${similarText(x, n.name)}）`).join('、')}`}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </details>
      )}

      {preview.warnings.length > 0 && (
        <details open={preview.warnings.length <= 8}>
          <summary>提示（{preview.warnings.length} 条）</summary>
          <ul className="warnings" data-testid="import-warnings">
            {preview.warnings.slice(0, 200).map((w, i) => (
              <li key={i}>{warningText(w, many)}</li>
            ))}
          </ul>
        </details>
      )}

      <div className="import-rows">
        <table className="records compact" data-testid="import-rows">
          <thead>
            <tr>
              {many && <th>工作表</th>}
              <th>行</th>
              {fields.map((f) => (
                <th key={f} data-field={f}>
                  {fieldSpec(f).label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.slice(0, PREVIEW_ROWS).map((r, i) => (
              <tr key={i}>
                {many && <td>{r.sheet}</td>}
                <td className="num">{r.excelRow}</td>
                {fields.map((f) => (
                  <td key={f} className="pre" data-field={f}>
                    {importRowText(r, f)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {preview.rows.length > PREVIEW_ROWS && <p className="muted">仅显示前 {PREVIEW_ROWS} 行，确认后全部 {preview.rows.length} 行都会导入。</p>}
      </div>
    </Modal>
  );
}

/** How the names were matched, counted by reason: “3 个同名、1 个为别名”. */
function namesWhy(matched: Preview['matchedNames']): string {
  const same = matched.filter((m) => m.reason === 'same').length;
  const alias = matched.length - same;
  return [same ? `${same} 个与已有记录同名` : '', alias ? `${alias} 个是已有部门的别名` : ''].filter(Boolean).join('、');
}

/** The records a new name may be mapped to: the similar ones first, with why, then the others. */
