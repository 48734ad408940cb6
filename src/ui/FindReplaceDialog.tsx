import { useMemo, useRef, useState } from 'react';
import { findMatches, replaceAll, replaceOne, type FindMatch } from '../domain/findReplace';
import type { RiskRow } from '../domain/rows';
import type { Directory, ListContent } from '../domain/types';
import './findReplace.css';
import { showMessage } from './messages';
import { Modal } from './Modal';
import { runPatch } from './run';

interface Props {
  /** the rows as shown (a filter applies), in order */
  rows: readonly RiskRow[];
  content: ListContent;
  directory: Directory;
  /** shows a match: its cell focused in the grid, the dialog keeping the keyboard */
  onShow: (match: FindMatch) => void;
  onClose: () => void;
}

const FIELD_LABEL = { problem: '问题清单', measure: '措施清单', note: '备注' } as const;

/** 查找和替换 over problem, measure and note text (Ctrl+H). Replace all is one undoable step. */
export function FindReplaceDialog({ rows, content, directory, onShow, onClose }: Props) {
  const [find, setFind] = useState('');
  const [replacement, setReplacement] = useState('');
  const [index, setIndex] = useState(-1);
  // the buttons go disabled when nothing is left to find: the keyboard goes back to the find box, not to the page
  const findRef = useRef<HTMLInputElement>(null);
  const keepFocus = () => requestAnimationFrame(() => findRef.current?.focus());
  const matches = useMemo(() => findMatches(rows, find), [rows, find]);
  const current = index >= 0 && index < matches.length ? matches[index]! : null;
  const total = matches.reduce((n, m) => n + m.count, 0);

  const go = (delta: 1 | -1) => {
    if (matches.length === 0) return;
    const next = index < 0 ? (delta > 0 ? 0 : matches.length - 1) : (index + delta + matches.length) % matches.length;
    setIndex(next);
    onShow(matches[next]!);
  };
  const replace = async () => {
    if (!current) return go(1);
    const stillMatches = replacement.toLowerCase().includes(find.toLowerCase());
    if (await runPatch(replaceOne(content, directory, current, find, replacement))) {
      // the replaced cell leaves the list of matches, so the next one takes its place
      const next = stillMatches ? index + 1 : index;
      const left = matches.length - (stillMatches ? 0 : 1);
      if (left > 0) {
        const i = next % left;
        setIndex(i);
        const following = matches.filter((m) => m !== current || stillMatches)[i];
        if (following) onShow(following);
      } else {
        setIndex(-1);
        keepFocus();
      }
    }
  };
  const all = async () => {
    if (matches.length === 0) return;
    const patch = replaceAll(content, directory, matches, find, replacement);
    if (await runPatch(patch)) {
      showMessage(`已替换 ${total} 处（${matches.length} 个单元格），可撤销（Ctrl+Z）。`);
      setIndex(-1);
      keepFocus();
    }
  };

  const status = !find
    ? '输入要查找的文字'
    : matches.length === 0
      ? '未找到'
      : current
        ? `第 ${index + 1} 个，共 ${matches.length} 个单元格（${total} 处）· ${FIELD_LABEL[current.field]}`
        : `共 ${matches.length} 个单元格（${total} 处）`;

  return (
    <Modal
      title="查找和替换"
      onClose={onClose}
      testId="find-replace"
      footer={
        <>
          <button type="button" onClick={() => go(-1)} disabled={matches.length === 0} data-testid="find-previous">
            上一个
          </button>
          <button type="button" onClick={() => go(1)} disabled={matches.length === 0} data-testid="find-next">
            下一个
          </button>
          <button type="button" onClick={() => void replace()} disabled={matches.length === 0} data-testid="replace-one">
            替换
          </button>
          <button type="button" className="primary" onClick={() => void all()} disabled={matches.length === 0} data-testid="replace-all">
            全部替换
          </button>
          <button type="button" onClick={onClose}>
            关闭
          </button>
        </>
      }
    >
      <label className="find-replace__field">
        查找内容
        <input
          data-testid="find-text"
          ref={findRef}
          value={find}
          onChange={(e) => {
            setFind(e.target.value);
            setIndex(-1);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              go(e.shiftKey ? -1 : 1);
            }
          }}
        />
      </label>
      <label className="find-replace__field">
        替换为
        <input data-testid="replace-text" value={replacement} onChange={(e) => setReplacement(e.target.value)} />
      </label>
      <p className="find-replace__status" data-testid="find-count" aria-live="polite">
        {status}
      </p>
      <p className="hint">在问题清单、措施清单和备注中查找（当前筛选下显示的行）；全部替换可一步撤销。</p>
    </Modal>
  );
}
