import { useMemo, useState } from 'react';
import { distributionParts, type DistributionMode } from '../../domain/consolidate/distribute';
import type { Directory, ListContent } from '../../domain/types';
import { showMessage } from '../messages';
import { DialogButtons, Modal } from '../Modal';
import { downloadBytes, XLSX_TYPE, ZIP_TYPE } from '../download';
import { sendOut, type Packaging } from './sendOut';
import './consolidate.css';

/** “分发给各部门”: what each department gets, and in which files. */
export function DistributeDialog({ content, directory, onClose }: { content: ListContent; directory: Directory; onClose: () => void }) {
  const [mode, setMode] = useState<DistributionMode>('own');
  const [packaging, setPackaging] = useState<Packaging>('zip');
  const parts = useMemo(() => distributionParts(content, directory, 'own', new Date()), [content, directory]);
  const download = () => {
    try {
      const out = sendOut(content, directory, mode, packaging);
      downloadBytes(out.bytes, out.fileName, packaging === 'zip' ? ZIP_TYPE : XLSX_TYPE);
      showMessage(`已生成“${out.fileName}”：${out.parts} 个部门${out.saved ? '；交回后用“收集反馈”合并' : '；本机存储已满，未能记下分发时的内容，合并时将以清单当前内容为准'}`);
      onClose();
    } catch (e) {
      showMessage(e instanceof Error ? e.message : String(e), 'error');
    }
  };
  return (
    <Modal
      title="分发给各部门"
      testId="distribute-dialog"
      onClose={onClose}
      footer={<DialogButtons onCancel={onClose} confirmLabel="下载" testId="distribute-download" onConfirm={download} disabled={parts.length === 0} />}
    >
      <fieldset className="distribute-options">
        <legend>每个部门收到</legend>
        <label>
          <input type="radio" name="distribute-mode" data-testid="distribute-own" checked={mode === 'own'} onChange={() => setMode('own')} /> 只含本部门的措施（及其问题）
        </label>
        <label>
          <input type="radio" name="distribute-mode" data-testid="distribute-whole" checked={mode === 'whole'} onChange={() => setMode('whole')} /> 整张清单，本部门的行标黄
        </label>
      </fieldset>
      <fieldset className="distribute-options">
        <legend>文件</legend>
        <label>
          <input type="radio" name="distribute-pack" data-testid="distribute-zip" checked={packaging === 'zip'} onChange={() => setPackaging('zip')} /> 每个部门一个 .xlsx，打包为 .zip（以部门命名）
        </label>
        <label>
          <input type="radio" name="distribute-pack" data-testid="distribute-sheets" checked={packaging === 'sheets'} onChange={() => setPackaging('sheets')} /> 一个 .xlsx，每个部门一个工作表
        </label>
      </fieldset>
      {parts.length === 0 ? (
        <p role="alert">清单中还没有填写责任部门的措施，无法分发。</p>
      ) : (
        <ul className="distribute-parts" data-testid="distribute-parts">
          {parts.map((p) => (
            <li key={p.departmentId}>
              {p.department}：{p.own.size} 条措施
            </li>
          ))}
        </ul>
      )}
      <p className="muted">每份表格带有隐藏的数据标识和填写说明；交回后点“收集反馈”（或把文件一起拖到页面上）合并，各部门的修改逐项列出，冲突由您选择。</p>
    </Modal>
  );
}
