import { useMemo, useState } from 'react';
import { mergePatch, type CopySource } from '../../domain/consolidate/applyMerge';
import { prepareCopies } from '../../domain/consolidate/copies';
import type { Decisions, Resolution } from '../../domain/consolidate/decisions';
import { BaseIndex, DEFAULT_THRESHOLD } from '../../domain/consolidate/match';
import { mergeWithIndex, type Conflict, type MergeResult } from '../../domain/consolidate/merge';
import { FIELD_TEXT, listRows, valueText, type BaseRow } from '../../domain/consolidate/model';
import { mergeReport, reportWorkbook } from '../../domain/consolidate/report';
import { mappingKey, newNames } from '../../domain/import/importPlan';
import { KIND_LABEL } from '../../domain/directory';
import { NewNameSelect } from '../import/NewNameSelect';
import type { Directory, ListContent } from '../../domain/types';
import { writeXlsx } from '../../xlsx/writeXlsx';
import { showMessage } from '../messages';
import { Modal } from '../Modal';
import { runPatch } from '../run';
import { downloadBytes, XLSX_TYPE } from '../download';
import { loadDistribution } from './distributionStore';
import type { ReadCopy } from './useMergeSession';
import './consolidate.css';

interface Props {
  content: ListContent;
  directory: Directory;
  copies: ReadCopy[];
  errors: string[];
  onClose: () => void;
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * The preview of a merge: per file and department what is unchanged, changed (field by field), new and missing; the
 * conflicts side by side with a choice each; the similarity threshold for rows without ids. “应用” is one step.
 */
export function MergeDialog({ content, directory, copies, errors, onClose }: Props) {
  const [threshold, setThreshold] = useState(DEFAULT_THRESHOLD);
  const [resolutions, setResolutions] = useState<Map<string, Resolution>>(new Map());
  const [deletions, setDeletions] = useState<Set<string>>(new Set());
  const [skipped, setSkipped] = useState<Set<string>>(new Set());
  const [mapped, setMapped] = useState<Map<string, string>>(new Map());
  const [busy, setBusy] = useState(false);
  const sent = useMemo(() => loadDistribution(content.list.id), [content.list.id]);
  const base = useMemo(() => listRows(content, directory), [content, directory]);
  const index = useMemo(() => new BaseIndex(base), [base]);
  const inputs = useMemo(() => prepareCopies(copies, content.list.id, directory, base, sent), [copies, content.list.id, directory, base, sent]);
  const result = useMemo(() => {
    const started = performance.now();
    const r = mergeWithIndex(index, inputs, { directory, snapshot: sent?.snapshot ?? null, ...(sent ? { expected: sent.parts.map((p) => p.department) } : {}) }, threshold);
    performance.measure('sanqingdan:merge-compute', { start: started, end: performance.now() });
    return r;
  }, [index, inputs, directory, sent, threshold]);
  const names = useMemo(() => newNames(copies.flatMap((c) => c.rows), directory), [copies, directory]);
  const decisions: Decisions = { resolutions, deletions, skipped, mapped };
  const byKey = useMemo(() => new Map(base.map((r) => [r.key, r] as const)), [base]);
  const sources: CopySource[] = result.copies.map((c) => ({ file: c.file, sheets: c.sheets, department: c.department, date: today() }));

  const toggle = (set: Set<string>, id: string, on: boolean, update: (s: Set<string>) => void) => {
    const next = new Set(set);
    if (on) next.add(id);
    else next.delete(id);
    update(next);
  };

  const apply = async () => {
    setBusy(true);
    const patch = mergePatch(content, directory, result, decisions, sources);
    if (patch.ops.length === 0) {
      showMessage('各份反馈与本清单相同，没有需要合并的修改。');
      onClose();
      return;
    }
    if (await runPatch(patch)) {
      showMessage(`已${patch.label}，可撤销`);
      onClose();
    } else setBusy(false);
  };

  const downloadReport = () => {
    const report = mergeReport(result, decisions, directory);
    downloadBytes(writeXlsx(reportWorkbook(report, `${content.list.unit}${content.list.title}`)), `${content.list.title || '三清单'}_合并报告_${today()}.xlsx`, XLSX_TYPE);
  };

  const counts = {
    changes: result.changes.length,
    conflicts: result.conflicts.length,
    added: result.added.length - result.added.filter((a) => skipped.has(a.id)).length,
    deleted: deletions.size,
  };

  return (
    <Modal
      title={`合并各部门反馈（${result.copies.length} 份）`}
      testId="merge-preview"
      wide
      onClose={onClose}
      footer={
        <>
          <span className="merge-summary" data-testid="merge-summary">
            修改 {counts.changes} 处 · 冲突 {counts.conflicts} 处 · 新增 {counts.added} 行 · 删除 {counts.deleted} 行
          </span>
          <button type="button" data-testid="merge-report" onClick={downloadReport}>
            下载合并报告
          </button>
          <button type="button" onClick={onClose}>
            取消
          </button>
          <button type="button" className="primary" data-testid="merge-apply" disabled={busy} onClick={() => void apply()}>
            应用
          </button>
        </>
      }
    >
      {errors.length > 0 && (
        <ul className="merge-errors" role="alert">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
      <label className="merge-threshold">
        文字相似度阈值
        <input
          type="number"
          min={0.3}
          max={1}
          step={0.05}
          value={threshold}
          data-testid="merge-threshold"
          onChange={(e) => {
            const v = Number(e.target.value);
            if (v >= 0.3 && v <= 1) setThreshold(v);
          }}
        />
        <span className="muted">没有数据标识的行（重新录入或新加的行）按问题、措施文字匹配，相似度低于阈值的视为新增。</span>
      </label>
      {result.notReturned.length > 0 && (
        <p className="merge-missing-depts" data-testid="merge-not-returned">
          尚未交回：{result.notReturned.join('、')}
        </p>
      )}
      {names.length > 0 && (
        <div data-testid="merge-new-names">
          <p className="muted">
            反馈中的新名称（与已有名称或别名完全相同的才算同一个）：默认新建；如是已有的部门或领导，请选择它，部门的新名称将记为其别名。
          </p>
          <table className="merge-table">
            <tbody>
              {names.map((n) => {
                const key = mappingKey(n.kind, n.name);
                return (
                  <tr key={key}>
                    <td>
                      {KIND_LABEL[n.kind]}“{n.name}”
                    </td>
                    <td className="muted">{n.count} 处</td>
                    <td>
                      <NewNameSelect name={n} directory={directory} mapped={mapped} onChange={setMapped} testId="merge-map" />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {result.conflicts.length > 0 && (
        <section className="merge-conflicts">
          <h3>冲突（{result.conflicts.length}）：同一处被改成了不同的内容，请逐一选择</h3>
          {result.conflicts.map((c) => (
            <ConflictRow
              key={c.id}
              conflict={c}
              result={result}
              row={byKey.get(c.baseKey)}
              choice={resolutions.get(c.id) ?? { choice: 'mine' }}
              onChoose={(r) => setResolutions(new Map(resolutions).set(c.id, r))}
            />
          ))}
        </section>
      )}
      {result.copies.map((copy, ci) => {
        const conflictKeys = new Set(result.conflicts.map((c) => `${c.target}:${c.field}`));
        const added = result.added.filter((a) => a.copy === ci);
        return (
          <section key={`${copy.file}-${ci}`} className="merge-copy" data-testid="merge-copy">
            <h3>
              {copy.file}
              <span className="merge-copy__dept">{copy.department ?? '（未识别部门）'}</span>
            </h3>
            <p className="muted" data-testid="merge-copy-counts">
              {copy.rows} 行：未改 {copy.unchanged} · 修改 {new Set(copy.proposals.map((p) => p.excelRow)).size} · 新增 {copy.added.length} · 缺少 {copy.missing.length}
            </p>
            {copy.proposals.length > 0 && (
              <table className="merge-table">
                <tbody>
                  {copy.proposals.map((p) => (
                    <tr key={`${p.target}:${p.field}`} data-testid="merge-change" className={conflictKeys.has(`${p.target}:${p.field}`) ? 'is-conflict' : ''}>
                      <td className="merge-row">第 {p.excelRow} 行</td>
                      <td className="merge-what">{about(byKey.get(p.baseKey), p.target.startsWith('problem:'))}</td>
                      <td>{FIELD_TEXT[p.field]}</td>
                      <td>
                        <del>{valueText(p.from) || '（空）'}</del> → <ins>{valueText(p.to) || '（空）'}</ins>
                        {conflictKeys.has(`${p.target}:${p.field}`) && <span className="merge-tag">冲突</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {added.length > 0 && (
              <table className="merge-table">
                <tbody>
                  {added.map((a) => (
                    <tr key={a.id} data-testid="merge-added">
                      <td className="merge-row">第 {a.excelRow} 行</td>
                      <td className="merge-what">{a.values.measure || a.values.problem}</td>
                      <td className="muted">
                        {a.splitOf ? `拆分自“${about(byKey.get(a.splitOf))}”` : a.underKey ? `加在问题“${byKey.get(a.underKey)?.problem ?? ''}”下` : `新问题“${a.values.problem}”`}
                        {a.alsoIn.length > 0 && `（${a.alsoIn.map((c) => result.copies[c]!.file).join('、')} 也添加了）`}
                      </td>
                      <td>
                        <label>
                          <input type="checkbox" checked={!skipped.has(a.id)} onChange={(e) => toggle(skipped, a.id, !e.target.checked, setSkipped)} /> 添加
                        </label>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {copy.missing.length > 0 && (
              <table className="merge-table">
                <tbody>
                  {copy.missing.map((m) => (
                    <tr key={m.id} data-testid="merge-missing">
                      <td className="merge-row">缺少</td>
                      <td className="merge-what">{about(byKey.get(m.baseKey))}</td>
                      <td className="muted">反馈中没有这一行；默认保留</td>
                      <td>
                        <label>
                          <input type="checkbox" data-testid="merge-delete" checked={deletions.has(m.id)} onChange={(e) => toggle(deletions, m.id, e.target.checked, setDeletions)} /> 删除
                        </label>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </Modal>
  );
}

const about = (r: BaseRow | undefined, problemLevel = false) => (r ? (problemLevel || !r.measure ? r.problem : r.measure) : '');

function ConflictRow({ conflict, result, row, choice, onChoose }: { conflict: Conflict; result: MergeResult; row: BaseRow | undefined; choice: Resolution; onChoose: (r: Resolution) => void }) {
  const name = `conflict-${conflict.id}`;
  const option = (label: string, value: string, r: Resolution, testId: string, selected: boolean) => (
    <label className={selected ? 'merge-option is-selected' : 'merge-option'}>
      <input type="radio" name={name} data-testid={testId} checked={selected} onChange={() => onChoose(r)} />
      <span className="merge-option__label">{label}</span>
      <span className="merge-option__value">{value || '（空）'}</span>
    </label>
  );
  return (
    <div className="merge-conflict" data-testid="merge-conflict">
      <div className="merge-conflict__what">
        {about(row, conflict.target.startsWith('problem:'))} · <b>{FIELD_TEXT[conflict.field]}</b>
        {conflict.appChanged && <span className="merge-tag">分发后本清单也改过（分发时：{valueText(conflict.sent) || '空'}）</span>}
      </div>
      <div className="merge-conflict__options">
        {option('保留本清单', valueText(conflict.mine), { choice: 'mine' }, 'conflict-mine', choice.choice === 'mine')}
        {conflict.values.map((v) =>
          option(
            `采用 ${result.copies[v.copy]!.department ?? result.copies[v.copy]!.file}（第 ${v.excelRow} 行）`,
            valueText(v.value),
            { choice: 'theirs', copy: v.copy },
            `conflict-theirs-${v.copy}`,
            choice.choice === 'theirs' && choice.copy === v.copy,
          ),
        )}
        {option('两者都保留', '合并为多行文字 / 多个名称', { choice: 'both' }, 'conflict-both', choice.choice === 'both')}
      </div>
    </div>
  );
}
