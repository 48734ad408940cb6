import { useMemo } from 'react';
import type { RiskRow } from '../../domain/rows';
import type { Directory } from '../../domain/types';
import { useRecordLog } from '../../storage/hooks';
import { Modal } from '../Modal';
import { ChangeLogEntries } from './ChangeLogEntries';

/** Every recorded change of one row: its measure and its problem. */
export function RowChangeLogDialog({ row, directory, onClose }: { row: RiskRow; directory: Directory; onClose: () => void }) {
  const ids = useMemo(() => [row.problemId, ...(row.measureId ? [row.measureId] : [])], [row]);
  const entries = useRecordLog(ids);
  return (
    <Modal title={`修改记录：${(row.measure || row.problem).slice(0, 30)}`} onClose={onClose} testId="row-history" wide footer={<button type="button" onClick={onClose}>关闭</button>}>
      {entries ? <ChangeLogEntries entries={entries} directory={directory} only={new Set(ids)} /> : <p className="muted">读取中…</p>}
    </Modal>
  );
}
