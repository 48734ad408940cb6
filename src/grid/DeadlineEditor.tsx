import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { parseDeadline, RECURRENCE_LABELS } from '../domain/deadline';
import type { GridContext } from './gridContext';
import type { GridRow } from './gridRow';

type Props = CustomCellEditorProps<GridRow, unknown, GridContext>;

const asChinese = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/**
 * 完成时限 stays free text (“长期坚持”, “每学期”, “6月底前”); the date field beside it offers a calendar, and the line
 * under it says what the app reads from the text (the date overdue is counted from).
 */
export function DeadlineEditor({ data, context, onValueChange, stopEditing, eventKey }: Props) {
  const typed = eventKey && eventKey.length === 1 ? eventKey : null;
  const [text, setText] = useState(typed ?? data.deadline);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    if (!typed) input.current?.select();
  }, [typed]);
  useEffect(() => onValueChange(text), []);
  const read = parseDeadline(text, context.deadlines);
  const set = (v: string) => {
    setText(v);
    onValueChange(v);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === 'Tab') stopEditing();
    else if (e.key === 'Escape') stopEditing(true);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div className="choice-editor deadline-editor" data-testid="deadline-editor" role="dialog" aria-label="完成时限">
      <div className="deadline-editor__inputs">
        <input ref={input} value={text} aria-label="完成时限" placeholder="例如：2026年6月底前、每学期、长期坚持" onChange={(e) => set(e.target.value)} onKeyDown={onKeyDown} />
        <input
          type="date"
          aria-label="选择日期"
          data-testid="deadline-date"
          value={read.due ?? ''}
          onChange={(e) => e.target.value && set(`${asChinese(e.target.value)}前`)}
          onKeyDown={onKeyDown}
        />
      </div>
      <div className="choice-editor__hint" data-testid="deadline-reading">
        {text.trim() === ''
          ? '可填写日期，或“每学期”“长期坚持”等'
          : read.due
            ? `识别为：${read.due} 前${read.approximate ? '（按校历估计）' : ''}`
            : read.recurrence
              ? `识别为：${RECURRENCE_LABELS[read.recurrence]}（不计逾期）`
              : '未识别出日期（不计逾期）'}
      </div>
    </div>
  );
}
