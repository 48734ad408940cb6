import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { STATUS_COLORS } from '../domain/status';
import type { GridContext } from './gridContext';
import type { GridRow } from './gridRow';

type Props = CustomCellEditorProps<GridRow, unknown, GridContext>;

/**
 * 进展/状态: pick one of the list's statuses (↑↓ and Enter, or a click) or type any text (Enter keeps what is typed
 * when no option is highlighted). Tab keeps the typed text, Esc cancels.
 */
export function StatusEditor({ data, context, onValueChange, stopEditing, eventKey }: Props) {
  const typed = eventKey && eventKey.length === 1 ? eventKey : null;
  const [text, setText] = useState(typed ?? data.status);
  const options = context.statuses;
  const initial = options.findIndex((o) => o.name === (typed ?? data.status));
  const [active, setActive] = useState(typed ? -1 : initial);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    if (!typed) input.current?.select();
  }, [typed]);
  useEffect(() => onValueChange(text), []);

  const choose = (value: string) => {
    onValueChange(value);
    stopEditing();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, options.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, -1));
    else if (e.key === 'Enter') choose(active >= 0 ? options[active]!.name : text);
    else if (e.key === 'Tab') choose(text);
    else if (e.key === 'Escape') stopEditing(true);
    else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div className="choice-editor" data-testid="status-editor" role="dialog" aria-label="选择进展/状态">
      <input
        ref={input}
        value={text}
        aria-label="进展/状态"
        placeholder="选择或输入状态"
        onChange={(e) => {
          setText(e.target.value);
          onValueChange(e.target.value);
          const match = options.findIndex((o) => e.target.value && o.name.startsWith(e.target.value));
          setActive(match);
        }}
        onKeyDown={onKeyDown}
      />
      <ul role="listbox" aria-label="状态">
        {options.map((o, i) => (
          <li
            key={o.name}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(o.name)}
            onMouseEnter={() => setActive(i)}
          >
            <i className="status-dot" style={{ background: STATUS_COLORS[o.color].hex }} aria-hidden="true" />
            {o.name}
            {o.done && <small>算作完成</small>}
          </li>
        ))}
      </ul>
      <div className="choice-editor__hint">↑↓ 选择 · Enter 确定 · 也可直接输入其他文字</div>
    </div>
  );
}
