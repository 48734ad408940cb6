import { useMemo, useState } from 'react';
import { todayIso } from '../../domain/deadline';
import { bulletinProblems, bulletinText } from '../../domain/cycle/bulletinText';
import { diffSnapshots } from '../../domain/cycle/diff';
import { diffWorkbook } from '../../domain/cycle/diffSheet';
import { archiveRound, createRound, defaultRoundName, deleteRound, holdRound } from '../../domain/cycle/rounds';
import { snapshotContent, snapshotProgress, takeSnapshot } from '../../domain/cycle/snapshot';
import { listStatistics, type StatisticsOptions } from '../../domain/cycle/statistics';
import { ROUND_KIND_LABEL, ROUND_STATE_LABEL, type Round, type RoundKind, type Snapshot } from '../../domain/cycle/types';
import { roundBefore } from '../../domain/cycle/roundOrder';
import { defaultOptions, withProgress } from '../../domain/export/exportOptions';
import { buildRows } from '../../domain/rows';
import type { Directory, ListContent, RiskList } from '../../domain/types';
import { useRounds, useSnapshot } from '../../storage/hooks';
import { store } from '../../storage/store';
import { downloadExport } from '../export/downloadExport';
import { PrintView } from '../export/PrintView';
import { ConfirmDialog } from '../Modal';
import { showMessage } from '../messages';
import { ReportView } from '../report/ReportView';
import { attempt } from '../run';
import { DiffView } from './DiffView';
import { downloadBytes, XLSX_TYPE } from '../download';
import './cycle.css';

interface Props {
  content: ListContent;
  directory: Directory;
  settings: StatisticsOptions;
}

const NOW = 'now';


/**
 * The year's cycle of one list: its 研判 rounds (make one, hold it — the list is frozen as it stands —, view, print and
 * export a held round as it was), two rounds side by side, and the 通报 for a round or for now.
 */
export function RoundsPage({ content, directory, settings }: Props) {
  const rounds = useRounds(content.list.id);
  const [kind, setKind] = useState<RoundKind>(() => (new Date().getMonth() < 6 ? 'first-half' : 'second-half'));
  const [date, setDate] = useState(todayIso);
  const [name, setName] = useState('');
  const [holding, setHolding] = useState<Round | null>(null);
  const [viewing, setViewing] = useState<Round | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(NOW);
  const [bulletin, setBulletin] = useState<string | null>(null);
  const held = (rounds ?? []).filter((r) => r.snapshotId);
  const fromRound = held.find((r) => r.id === from) ?? held[held.length - 1] ?? null;
  const toRound = to === NOW ? null : (held.find((r) => r.id === to) ?? null);
  const fromSnap = useSnapshot(fromRound?.snapshotId ?? null);
  const toSnap = useSnapshot(toRound?.snapshotId ?? null);
  const nowSnap = useMemo(() => takeSnapshot(content, directory, NOW), [content, directory]);
  const later = to === NOW ? nowSnap : toSnap;
  const diff = useMemo(() => (fromSnap && later ? diffSnapshots(fromSnap, later) : null), [fromSnap, later]);
  const names = useMemo(
    () => ({ departments: directory.departments.map((d) => d.name), leaders: directory.leaders.map((l) => l.name) }),
    [directory],
  );

  const create = () => {
    const made = name.trim() || defaultRoundName(kind, date);
    void attempt(() => createRound(content.list.id, { name: made, date, kind }, rounds ?? []).patch).then((ok) => {
      if (!ok) return;
      setName('');
      showMessage(`已新建“${made}”。本轮进展填在清单表格的“进展情况”列（可在“显示列”中打开），召开后冻结。`);
    });
  };

  const exportDiff = async () => {
    if (!diff || !fromRound) return;
    const { writeXlsx } = await import('../../xlsx/writeXlsx');
    const between = `${fromRound.name} → ${toRound ? toRound.name : '当前'}`;
    downloadBytes(writeXlsx(diffWorkbook(diff, `${content.list.unit}${content.list.title}两轮对比`, between)), `${content.list.title}_两轮对比.xlsx`, XLSX_TYPE);
    showMessage('已导出两轮对比表。');
  };

  return (
    <div className="rounds-page" data-testid="rounds-page">
      <section className="rounds-card">
        <h2>研判轮次</h2>
        <p className="muted">
          召开研判会时，清单当时的全部问题、措施、责任部门、责任领导和进展会被冻结保存，之后的修改、部门改名都不会改变它，可随时查看、打印和导出。
        </p>
        <table className="rounds-table">
          <thead>
            <tr>
              <th>名称</th>
              <th>日期</th>
              <th>类型</th>
              <th>状态</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(rounds ?? []).map((r) => (
              <tr key={r.id} data-testid="round-row" data-state={r.state}>
                <td>{r.name}</td>
                <td>{r.date}</td>
                <td>{ROUND_KIND_LABEL[r.kind]}</td>
                <td>
                  <span className={`round-state round-state--${r.state}`}>{ROUND_STATE_LABEL[r.state]}</span>
                </td>
                <td>
                  <div className="rounds-table__actions">
                  {r.state === 'preparing' && (
                    <>
                      <button type="button" className="primary" data-testid="round-hold" onClick={() => setHolding(r)}>
                        召开研判会
                      </button>
                      <button type="button" className="link" onClick={() => void attempt(() => deleteRound(r))}>
                        删除
                      </button>
                    </>
                  )}
                  {r.snapshotId && (
                    <button type="button" data-testid="round-view" onClick={() => setViewing(r)}>
                      查看
                    </button>
                  )}
                  {r.snapshotId && (
                    <button type="button" data-testid="round-bulletin" onClick={() => setBulletin(r.id)}>
                      通报
                    </button>
                  )}
                  {r.state === 'held' && (
                    <button type="button" className="link" onClick={() => void attempt(() => archiveRound(r))}>
                      归档
                    </button>
                  )}
                  </div>
                </td>
              </tr>
            ))}
            {rounds?.length === 0 && (
              <tr>
                <td colSpan={5} className="muted">
                  还没有研判轮次。
                </td>
              </tr>
            )}
          </tbody>
        </table>
        <div className="rounds-new" data-testid="round-new">
          <span>新建一轮：</span>
          <select aria-label="类型" data-testid="round-kind" value={kind} onChange={(e) => setKind(e.target.value as RoundKind)}>
            {(Object.keys(ROUND_KIND_LABEL) as RoundKind[]).map((k) => (
              <option key={k} value={k}>
                {ROUND_KIND_LABEL[k]}
              </option>
            ))}
          </select>
          <input type="date" aria-label="日期" data-testid="round-date" value={date} onChange={(e) => setDate(e.target.value)} />
          <input aria-label="名称" data-testid="round-name" value={name} placeholder={defaultRoundName(kind, date)} onChange={(e) => setName(e.target.value)} />
          <button type="button" data-testid="round-create" onClick={create}>
            新建研判轮次
          </button>
          <button type="button" data-testid="bulletin-now" onClick={() => setBulletin(NOW)}>
            按当前清单生成通报
          </button>
        </div>
      </section>

      {held.length > 0 && (
        <section className="rounds-card">
          <h2>两轮对比</h2>
          <div className="rounds-compare">
            <select aria-label="较早的一轮" data-testid="diff-from" value={fromRound?.id ?? ''} onChange={(e) => setFrom(e.target.value)}>
              {held.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
            <span>→</span>
            <select aria-label="较晚的一轮" data-testid="diff-to" value={to} onChange={(e) => setTo(e.target.value)}>
              <option value={NOW}>当前清单</option>
              {held
                .filter((r) => r.id !== fromRound?.id)
                .map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
            </select>
            <button type="button" data-testid="diff-export" disabled={!diff} onClick={() => void exportDiff()}>
              导出对比表
            </button>
          </div>
          {diff ? <DiffView diff={diff} departments={names.departments} leaders={names.leaders} /> : <p className="muted">正在读取…</p>}
        </section>
      )}

      {holding && (
        <ConfirmDialog
          title="召开研判会"
          message={`将冻结“${holding.name}”时清单的全部 ${content.problems.length} 个问题、${content.measures.length} 条措施及其责任和进展。冻结后这一轮只读，可查看、打印和导出。`}
          confirmLabel="召开并冻结"
          onConfirm={() => void attempt(async () => holdRound(holding, content, directory, Date.now(), await store.loadProgress(content.list.id))).then((ok) => ok && showMessage(`已召开“${holding.name}”，清单已冻结保存。`))}
          onClose={() => setHolding(null)}
        />
      )}
      {viewing?.snapshotId && <SnapshotPrint round={viewing} statuses={content.list.statuses} onClose={() => setViewing(null)} />}
      {bulletin && (
        <BulletinView
          content={content}
          directory={directory}
          settings={settings}
          round={bulletin === NOW ? null : ((rounds ?? []).find((r) => r.id === bulletin) ?? null)}
          previous={roundBefore(rounds ?? [], bulletin === NOW ? null : bulletin)}
          onClose={() => setBulletin(null)}
        />
      )}
    </div>
  );
}


/** The round's day as a local date: a held round prints and exports with the 填报日期 of its meeting, not today's. */
const roundDate = (iso: string): Date => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date();
};

/**
 * A held round as it printed then, with its export; the export may hold the round's 统计汇总 (its figures on its
 * meeting's day, with what was closed and added since the round before, as its 通报 says).
 */
function SnapshotPrint({ round, statuses, onClose }: { round: Round; statuses: RiskList['statuses']; onClose: () => void }) {
  const snap = useSnapshot(round.snapshotId);
  // the list's own statuses decide what counts as finished, as they do for the round's 通报
  const frozen = useMemo(() => {
    if (!snap) return null;
    const f = { ...snapshotContent(snap), progress: snapshotProgress(snap) };
    return statuses ? { ...f, content: { ...f.content, list: { ...f.content.list, statuses } } } : f;
  }, [snap, statuses]);
  const date = useMemo(() => roundDate(round.date), [round.date]);
  const [withSummary, setWithSummary] = useState(true);
  if (!frozen) return null;
  // the round's 进展情况 as it was reported for it: its 本轮进展情况 column, printed and exported as the grid showed it
  const rows = withProgress(buildRows(frozen.content.problems, frozen.content.measures), frozen.progress);
  const { date: _date, ...options } = defaultOptions(rows);
  const settings = { ...options, progress: frozen.progress, scope: 'all' as const };
  // the frozen notice and its export live in the preview's own bar: a bar laid over the page would cover the sheet
  return (
    <PrintView
      content={frozen.content}
      directory={frozen.directory}
      settings={settings}
      shown={null}
      onClose={onClose}
      date={date}
      notice={`“${round.name}”冻结的清单（${frozen.content.problems.length} 个问题、${frozen.content.measures.length} 条措施），只读。`}
      actions={
        <>
          <label className="check">
            <input type="checkbox" data-testid="snapshot-export-summary" checked={withSummary} onChange={(e) => setWithSummary(e.target.checked)} />
            含统计汇总
          </label>
          <button
            type="button"
            data-testid="snapshot-export"
            onClick={() => void downloadExport(frozen.content, frozen.directory, { ...settings, summary: withSummary }, null, date, round)}
          >
            导出 Excel
          </button>
        </>
      }
    />
  );
}

/** The 通报 for a held round (with what changed since the round before) or for the list as it is now. */
function BulletinView(props: {
  content: ListContent;
  directory: Directory;
  settings: StatisticsOptions;
  round: Round | null;
  previous: Round | null;
  onClose: () => void;
}) {
  const { content, directory, settings, round, previous, onClose } = props;
  const snap = useSnapshot(round?.snapshotId ?? null);
  const previousSnap = useSnapshot(previous?.snapshotId ?? null);
  const doc = useMemo(() => {
    if (round && !snap) return null;
    const source = snap ? snapshotContent(snap) : { content, directory };
    const current: Snapshot = snap ?? takeSnapshot(content, directory, NOW);
    const stats = listStatistics(source.content, source.directory, round ? { ...settings, today: round.date } : settings);
    const diff = previousSnap ? diffSnapshots(previousSnap, current) : undefined;
    const problems = bulletinProblems(source.content, source.directory);
    return bulletinText({
      unit: content.list.unit,
      period: round ? round.name.replace(/研判会$/, '') : content.list.period || content.list.title,
      date: round ? round.date : settings.today,
      stats,
      problems,
      ...(diff ? { diff } : {}),
    });
  }, [round, snap, previousSnap, content, directory, settings]);
  if (!doc) return null;
  return <ReportView doc={doc} fileName={doc.title} onClose={onClose} testId="bulletin-view" />;
}
