import { useEffect, useRef, useState } from 'react';
import type { Directory, ListContent } from '../../domain/types';
import { DistributeDialog } from './DistributeDialog';
import { MergeDialog } from './MergeDialog';
import { setMergeDropTarget } from './mergeDrop';
import { useMergeSession } from './useMergeSession';

/** “分发给各部门” and “收集反馈” for the open list. */
export function ConsolidateBar({ content, directory }: { content: ListContent; directory: Directory }) {
  const [distributing, setDistributing] = useState(false);
  const merge = useMergeSession();
  const input = useRef<HTMLInputElement>(null);
  const start = merge.start;
  useEffect(() => {
    setMergeDropTarget((files) => void start(files));
    return () => setMergeDropTarget(null);
  }, [start]);
  return (
    <span className="consolidate-bar">
      <button type="button" data-testid="distribute-open" title="为每个部门生成一份表格（带数据标识），发给各部门填写" onClick={() => setDistributing(true)}>
        分发给各部门…
      </button>
      <button type="button" data-testid="merge-open" title="选择各部门交回的表格（可多选，或 .zip），一起合并；也可把它们一起拖到页面上" onClick={() => input.current?.click()}>
        收集反馈…
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept=".xlsx,.xlsm,.zip,application/zip,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="merge-files"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) void merge.start(files);
        }}
      />
      {merge.state.status === 'reading' && (
        <span className="muted" role="status" data-testid="merge-reading">
          正在读取反馈 {merge.state.done}/{merge.state.total}…
        </span>
      )}
      {distributing && <DistributeDialog content={content} directory={directory} onClose={() => setDistributing(false)} />}
      {merge.state.status === 'preview' && (
        <MergeDialog content={content} directory={directory} copies={merge.state.copies} errors={merge.state.errors} onClose={merge.close} />
      )}
    </span>
  );
}
