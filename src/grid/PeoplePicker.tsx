import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { KIND_LABEL, recordsOf, type Person } from '../domain/directory';
import { NameResolver } from '../domain/names/nameResolver';
import { pinyinQuery } from '../domain/pinyinMatch';
import { loadPinyin, onPinyinLoaded } from './pinyinLoader';
import type { NamePick } from '../domain/editContext';
import { cleanName } from '../domain/text';
import type { PersonKind } from '../domain/types';
import type { Directory, Id } from '../domain/types';

export interface PeoplePickerProps {
  kind: PersonKind;
  directory: Directory;
  initialIds: readonly Id[];
  initialQuery?: string;
  onChange: (picks: NamePick[]) => void;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}
type Option = { type: 'record'; record: Person } | { type: 'create'; name: string };

/**
 * Multi-select picker for 责任部门 / 责任领导 (AG Grid's rich select is Enterprise-only). Type to filter, ↑↓ to move,
 * Enter to tick or create, Tab or Ctrl+Enter to confirm, Esc to cancel. Used as the grid's cell editor and in the
 * bulk-set dialog.
 */
export function PeoplePicker({ kind, directory, initialIds, initialQuery, onChange, onConfirm, onCancel, testId }: PeoplePickerProps) {
  const records = recordsOf(directory, kind);
  const [picks, setPicks] = useState<NamePick[]>(() =>
    initialIds.flatMap((id) => {
      const r = records.find((x) => x.id === id);
      return r ? [{ id, name: r.name }] : [];
    }),
  );
  const [query, setQuery] = useState(initialQuery ?? '');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => inputRef.current?.focus(), []);

  // “jwc” finds 教务处: pinyin-pro is loaded with the first Latin query, and the options are found again once it is
  const [pinyinVersion, setPinyinVersion] = useState(0);
  useEffect(() => onPinyinLoaded(() => setPinyinVersion((v) => v + 1)), []);
  useEffect(() => {
    if (pinyinQuery(query)) void loadPinyin();
  }, [query]);

  // the directory indexed once per picker, not per keystroke
  const resolver = useMemo(() => NameResolver.of(directory, kind), [directory, kind]);
  const options = useMemo<Option[]>(() => {
    const found: Option[] = resolver.search(query).map((record) => ({ type: 'record', record }));
    const name = cleanName(query);
    if (name && !resolver.lookup(name)) found.push({ type: 'create', name });
    return found;
  }, [resolver, query, pinyinVersion]);

  // Enter picks the highlighted match. The 新建 row is highlighted only when nothing matches a name typed in Chinese:
  // a Latin query is pinyin being typed (“j” for 教务处), never a new department called “j”; creating one from it takes
  // ↓ onto the 新建 row first.
  const firstActive = (opts: Option[]): number => {
    if (opts[0]?.type === 'record') return 0;
    if (opts[0]?.type === 'create' && !/[a-z]/i.test(query)) return 0;
    return -1;
  };
  const [activeFor, setActiveFor] = useState<Option[] | null>(null);
  if (activeFor !== options) {
    setActiveFor(options);
    setActive(firstActive(options));
  }

  useEffect(() => {
    listRef.current?.querySelector('[data-active="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const commitPicks = (next: NamePick[]) => {
    setPicks(next);
    onChange(next);
  };
  const isPicked = (r: Person) => picks.some((p) => p.id === r.id);
  const toggle = (o: Option) => {
    if (o.type === 'create') {
      commitPicks([...picks, { name: o.name }]);
      setQuery('');
      setActive(0);
    } else if (isPicked(o.record)) {
      commitPicks(picks.filter((p) => p.id !== o.record.id));
    } else {
      commitPicks([...picks, { id: o.record.id, name: o.record.name }]);
      setQuery(''); // ready for the next name, as a tag field is
    }
    inputRef.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, options.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, options[0]?.type === 'create' ? -1 : 0));
    else if (e.key === 'Tab' || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) onConfirm();
    else if (e.key === 'Enter') {
      const o = options[active];
      if (o) toggle(o);
    } else if (e.key === 'Backspace' && query === '' && picks.length > 0) commitPicks(picks.slice(0, -1));
    else return;
    e.preventDefault();
    e.stopPropagation();
  };

  const label = KIND_LABEL[kind];
  return (
    <div className="people-editor" data-testid={testId ?? `picker-${kind}`} role="dialog" aria-label={`选择责任${label}`}>
      <div className="people-editor__chips">
        {picks.map((p) => (
          <span className="chip" key={p.id ?? `new:${p.name}`}>
            {p.name}
            {!p.id && <em className="chip__new">新</em>}
            <button
              type="button"
              aria-label={`移除${p.name}`}
              onClick={() => commitPicks(picks.filter((x) => x !== p))}
            >
              ×
            </button>
          </span>
        ))}
        <input
          ref={inputRef}
          value={query}
          placeholder={picks.length ? '' : `输入${label}名称筛选…`}
          aria-label={`筛选${label}`}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <ul className="people-editor__options" role="listbox" aria-multiselectable="true" ref={listRef}>
        {options.map((o, i) => {
          const key = o.type === 'create' ? `create:${o.name}` : o.record.id;
          const selected = o.type === 'record' && isPicked(o.record);
          return (
            <li
              key={key}
              role="option"
              aria-selected={selected}
              data-active={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => toggle(o)}
              onMouseEnter={() => setActive(i)}
            >
              {o.type === 'create' ? (
                <span className="option-create">＋ 新建{label}“{o.name}”</span>
              ) : (
                <>
                  <input type="checkbox" readOnly checked={selected} tabIndex={-1} aria-hidden="true" />
                  <span>{o.record.name}</span>
                  <small>{describe(o.record)}</small>
                </>
              )}
            </li>
          );
        })}
        {options.length === 0 && <li className="empty">没有{label}，输入名称可新建</li>}
        {active < 0 && options[0]?.type === 'create' && (
          <li className="empty" data-testid="picker-no-match">
            没有匹配的{label}。要新建，请按 ↓ 选中“新建{label}”后回车
          </li>
        )}
      </ul>
      <div className="people-editor__footer">
        <span className="hint">Enter 勾选 · Tab 确定 · Esc 取消</span>
        <button type="button" onClick={onCancel}>
          取消
        </button>
        <button type="button" className="primary" onClick={onConfirm}>
          确定
        </button>
      </div>
    </div>
  );
}

function describe(r: Person): string {
  if ('post' in r) return r.post;
  return r.aliases.length ? `又称 ${r.aliases.join('、')}` : '';
}
