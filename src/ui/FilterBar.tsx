import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { listYearOf, overdueRow, todayIso, type DeadlineContext } from '../domain/deadline';
import { STATUS_NONE, type RowFilter } from '../domain/filter';
import { pinyinMatch, pinyinQuery } from '../domain/pinyinMatch';
import { loadPinyin, onPinyinLoaded } from '../grid/pinyinLoader';
import type { RiskRow } from '../domain/rows';
import { CLOSED_STATUS, countedStatus, statusCounts, statusHex, statusOptionsOf } from '../domain/status';
import type { Directory, RiskList } from '../domain/types';

interface Props {
  filter: RowFilter;
  onChange: (f: RowFilter) => void;
  directory: Directory;
  statuses: string[];
  shown: number;
  total: number;
  loading: boolean;
  /** all rows of the list, for the status and overdue counts */
  rows?: readonly RiskRow[];
  list?: RiskList;
}

/** Quick search, the department / leader / status filters, the status legend with counts and 逾期, the row count. */
export function FilterBar({ filter, onChange, directory, statuses, shown, total, loading, rows = [], list }: Props) {
  const options = useMemo(() => statusOptionsOf(list ?? {}), [list]);
  const isOverdue = useMemo(() => {
    const year = list ? listYearOf(list) : undefined;
    const ctx: DeadlineContext = year === undefined ? { today: todayIso() } : { today: todayIso(), listYear: year };
    return (row: RiskRow) => !!overdueRow(row, options, ctx);
  }, [list, options]);
  const measures = useMemo(() => rows.filter((r) => r.measureId), [rows]);
  // a measure closed by record counts as 已销号 (status.ts countedStatus), as in the 完成率
  const counts = useMemo(() => statusCounts(options, measures.map((r) => countedStatus(r))), [options, measures]);
  // rows an edit did not touch keep their objects: each is judged once (a long list counts after every edit)
  const judged = useMemo(() => new WeakMap<RiskRow, boolean>(), [isOverdue]);
  const overdueCount = useMemo(() => {
    let n = 0;
    for (const r of measures) {
      let late = judged.get(r);
      if (late === undefined) judged.set(r, (late = isOverdue(r)));
      if (late) n++;
    }
    return n;
  }, [measures, isOverdue, judged]);
  const returnedCount = useMemo(() => measures.reduce((n, r) => (r.returned ? n + 1 : n), 0), [measures]);
  const closedCount = counts.find((c) => c.name === CLOSED_STATUS)?.count ?? 0;
  // a list's statuses changed while 逾期 is on: the filter follows them
  useEffect(() => {
    if (filter.overdue && filter.overdue !== isOverdue) onChange({ ...filter, overdue: isOverdue });
  }, [isOverdue]);

  // a Latin query may be pinyin (“jwc” for 教务处): pinyin-pro is loaded then, and the rows filtered again once it is
  const filterRef = useRef(filter);
  filterRef.current = filter;
  useEffect(
    () =>
      onPinyinLoaded(() => {
        // only a pinyin search is run again (running the filter closes an editor open in the grid)
        if (pinyinQuery(filterRef.current.text)) onChange({ ...filterRef.current });
      }),
    [onChange],
  );
  useEffect(() => {
    if (pinyinQuery(filter.text)) void loadPinyin();
  }, [filter.text]);

  // the department and leader filters take pinyin as typed on the closed box: “jwc” picks 教务处 (a native select's
  // own type-ahead knows only the characters themselves)
  const typed = useRef({ text: '', at: 0 });
  const pinyinTypeAhead = (names: readonly { id: string; name: string }[], pick: (id: string) => void) => (e: KeyboardEvent<HTMLSelectElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || !/^[a-zA-Z]$/.test(e.key)) return;
    e.preventDefault();
    const now = Date.now();
    typed.current = { text: (now - typed.current.at < 1200 ? typed.current.text : '') + e.key.toLowerCase(), at: now };
    const q = typed.current.text;
    const find = () => names.find((n) => pinyinMatch(n.name, q) === 'prefix') ?? names.find((n) => pinyinMatch(n.name, q) !== null);
    const hit = find();
    if (hit) pick(hit.id);
    else
      void loadPinyin().then(() => {
        const later = typed.current.text === q ? find() : undefined;
        if (later) pick(later.id);
      });
  };

  const listed = new Set(counts.map((c) => c.name));
  const statusChoices = [...counts.filter((c) => c.name).map((c) => c.name), ...statuses.filter((s) => !listed.has(s))];
  const toggleStatus = (name: string) => {
    const value = name === '' ? STATUS_NONE : name;
    onChange({ ...filter, status: filter.status === value ? '' : value });
  };

  return (
    <fieldset className="filter-bar" role="search" disabled={loading}>
      <input
        type="search"
        className="filter-bar__search"
        placeholder="搜索问题、措施、部门、领导（可用拼音首字母）…"
        aria-label="搜索"
        data-testid="quick-search"
        value={filter.text}
        onChange={(e) => onChange({ ...filter, text: e.target.value })}
      />
      <select
        aria-label="按责任部门筛选"
        data-testid="filter-department"
        title="可输入拼音首字母选择，如 jwc → 教务处"
        onKeyDown={pinyinTypeAhead(directory.departments, (id) => onChange({ ...filterRef.current, departmentId: id }))}
        value={filter.departmentId}
        onChange={(e) => onChange({ ...filter, departmentId: e.target.value })}
      >
        <option value="">全部责任部门</option>
        {directory.departments.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
      <select
        aria-label="按责任领导筛选"
        data-testid="filter-leader"
        title="可输入拼音首字母选择，如 zjg → 张建国"
        onKeyDown={pinyinTypeAhead(directory.leaders, (id) => onChange({ ...filterRef.current, leaderId: id }))}
        value={filter.leaderId}
        onChange={(e) => onChange({ ...filter, leaderId: e.target.value })}
      >
        <option value="">全部责任领导</option>
        {directory.leaders.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
            {l.post ? `（${l.post}）` : ''}
          </option>
        ))}
      </select>
      <select
        aria-label="按进展/状态筛选"
        data-testid="filter-status"
        value={filter.status}
        style={filter.status && filter.status !== STATUS_NONE ? { color: statusHex(options, filter.status) ?? undefined } : undefined}
        onChange={(e) => onChange({ ...filter, status: e.target.value })}
      >
        <option value="">全部状态</option>
        {statusChoices.map((s) => (
          <option key={s} value={s} style={{ color: statusHex(options, s) ?? undefined }}>
            ● {s}
          </option>
        ))}
        <option value={STATUS_NONE}>（未填写）</option>
      </select>
      <span className="status-legend" data-testid="status-legend" aria-label="各状态的措施数">
        {counts
          .filter((c) => c.listed || c.count > 0)
          .map((c) => {
            const value = c.name === '' ? STATUS_NONE : c.name;
            return (
              <button
                type="button"
                key={value}
                data-status={c.name}
                aria-pressed={filter.status === value}
                title={`只看“${c.name || '未填写'}”的措施（再点一次取消）`}
                onClick={() => toggleStatus(c.name)}
              >
                <i className="status-dot" style={{ background: c.hex ?? 'transparent', border: c.hex ? undefined : '1px solid #94a3b8' }} aria-hidden="true" />
                {c.name || '未填写'}
                <span className="count">{c.count}</span>
              </button>
            );
          })}
      </span>
      <FilterToggle
        name="overdue"
        label="逾期"
        count={overdueCount}
        pressed={!!filter.overdue}
        title="只看已过完成时限、尚未完成的措施"
        onToggle={() => {
          const { overdue, ...rest } = filter;
          onChange(overdue ? rest : { ...rest, overdue: isOverdue });
        }}
      />
      {(returnedCount > 0 || filter.returned) && (
        <FilterToggle
          name="returned"
          label="退回修改"
          count={returnedCount}
          pressed={!!filter.returned}
          title="只看领导审核时退回修改的措施（悬停措施单元格可看修改意见）"
          onToggle={() => {
            const { returned, ...rest } = filter;
            onChange(returned ? rest : { ...rest, returned: true });
          }}
        />
      )}
      {closedCount > 0 && (
        <label className="filter-bar__closed" title="已销号的措施不再显示">
          <input type="checkbox" data-testid="filter-hide-closed" checked={!!filter.hideClosed} onChange={(e) => onChange({ ...filter, hideClosed: e.target.checked })} />
          隐藏已销号（{closedCount}）
        </label>
      )}
      <span className="filter-bar__count" data-testid="row-count">
        {loading ? '正在读取清单…' : `显示 ${shown} / 共 ${total} 条措施`}
      </span>
    </fieldset>
  );
}

interface ToggleProps {
  /** the toggle's class (`${name}-toggle`) and test ids (`filter-${name}`, `${name}-count`) */
  name: string;
  label: string;
  count: number;
  pressed: boolean;
  title: string;
  onToggle: () => void;
}

/** A filter that is on or off, with the number of measures it would show. */
function FilterToggle({ name, label, count, pressed, title, onToggle }: ToggleProps) {
  return (
    <button type="button" className={`${name}-toggle`} data-testid={`filter-${name}`} aria-pressed={pressed} title={title} onClick={onToggle}>
      {label}
      <span className="count" data-testid={`${name}-count`}>
        {count}
      </span>
    </button>
  );
}
