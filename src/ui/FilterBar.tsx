import { STATUS_NONE, type RowFilter } from '../domain/filter';
import type { Directory } from '../domain/types';

interface Props {
  filter: RowFilter;
  onChange: (f: RowFilter) => void;
  directory: Directory;
  statuses: string[];
  shown: number;
  total: number;
  loading: boolean;
}

/** Quick search and the department / leader / status filters, with the row count. */
export function FilterBar({ filter, onChange, directory, statuses, shown, total, loading }: Props) {
  return (
    <fieldset className="filter-bar" role="search" disabled={loading}>
      <input
        type="search"
        className="filter-bar__search"
        placeholder="搜索问题、措施、部门、领导…"
        aria-label="搜索"
        data-testid="quick-search"
        value={filter.text}
        onChange={(e) => onChange({ ...filter, text: e.target.value })}
      />
      <select
        aria-label="按责任部门筛选"
        data-testid="filter-department"
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
        onChange={(e) => onChange({ ...filter, status: e.target.value })}
      >
        <option value="">全部状态</option>
        {statuses.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
        <option value={STATUS_NONE}>（未填写）</option>
      </select>
      <span className="filter-bar__count" data-testid="row-count">
        {loading ? '正在读取清单…' : `显示 ${shown} / 共 ${total} 条措施`}
      </span>
    </fieldset>
  );
}
