import { useEffect, useRef, useState } from 'react';
import { FIELDS, type FieldId } from '../domain/fields';

interface Props {
  visible: ReadonlySet<FieldId>;
  onToggle: (id: FieldId, visible: boolean) => void;
  onReset: () => void;
}

/** Which columns the grid shows; the grid remembers the choice (and widths) in this browser. */
export function ColumnChooser({ visible, onToggle, onReset }: Props) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => !ref.current?.contains(e.target as Node) && setOpen(false);
    // Esc closes it and gives focus back to its button, as a menu does
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open]);
  return (
    <div className="dropdown" ref={ref}>
      <button type="button" ref={button} data-testid="column-chooser" aria-expanded={open} onClick={() => setOpen(!open)}>
        显示列 ▾
      </button>
      {open && (
        <div className="dropdown__menu" role="menu">
          {FIELDS.map((f) => (
            <label key={f.id} className="check">
              <input
                type="checkbox"
                data-testid={`column-toggle-${f.id}`}
                checked={visible.has(f.id)}
                onChange={(e) => onToggle(f.id, e.target.checked)}
              />
              {f.label}
            </label>
          ))}
          <button type="button" className="link" onClick={onReset}>
            恢复默认列
          </button>
        </div>
      )}
    </div>
  );
}
