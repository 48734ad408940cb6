import { useMemo, useState } from 'react';
import { filterLog } from '../../domain/changeLog';
import type { Directory, RiskList } from '../../domain/types';
import { useListLog } from '../../storage/hooks';
import { ChangeLogEntries } from './ChangeLogEntries';

/** A list's change log, newest first, filtered by date. */
export function ChangeLogPage({ list, directory }: { list: RiskList; directory: Directory }) {
  const log = useListLog(list.id);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const shown = useMemo(() => filterLog(log ?? [], list.id, from, to), [log, list.id, from, to]);
  return (
    <div className="history-page">
      <div className="filter-bar">
        <label>
          从 <input type="date" data-testid="log-from" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          到 <input type="date" data-testid="log-to" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <span className="filter-bar__count" data-testid="log-count">
          {log ? `共 ${shown.length} 条修改记录` : '读取中…'}
        </span>
      </div>
      <ChangeLogEntries entries={shown.slice(0, 500)} directory={directory} />
      {shown.length > 500 && <p className="muted">仅显示最近 500 条，请缩小日期范围。</p>}
    </div>
  );
}
