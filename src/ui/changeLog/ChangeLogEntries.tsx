import { byId, namesFor, type Person } from '../../domain/directory';
import { FIELD_LABELS, TABLE_LABELS, type FieldChange, type ChangeLogEntry } from '../../domain/changeLog';
import { recordFieldText } from '../../domain/review/recordText';
import type { Directory } from '../../domain/types';

/** Change-log entries as people read them: when, what, and each field's old → new value. */
export function ChangeLogEntries({ entries, directory, only }: { entries: readonly ChangeLogEntry[]; directory: Directory; only?: ReadonlySet<string> }) {
  const people = byId<Person>([...directory.departments, ...directory.leaders]);
  if (entries.length === 0) return <p className="muted">没有修改记录。</p>;
  return (
    <ol className="history" data-testid="history-entries">
      {entries.map((e) => {
        const changes = only ? e.changes.filter((c) => only.has(c.id)) : e.changes;
        return (
          <li key={e.id}>
            <div className="history__head">
              <time dateTime={new Date(e.at).toISOString()}>{new Date(e.at).toLocaleString('zh-CN')}</time>
              <strong>{e.label}</strong>
            </div>
            <ul>
              {changes.slice(0, 20).map((c, i) => (
                <li key={i}>
                  {TABLE_LABELS[c.table]}“{c.text}”{c.kind === 'create' ? '：新增' : c.kind === 'delete' ? '：删除' : '：'}
                  {c.fields?.map((f, j) => (
                    <span key={j} className="history__field">
                      {FIELD_LABELS[f.field] ?? f.field}：<del>{show(f, 'old', people)}</del> → <ins>{show(f, 'new', people)}</ins>
                    </span>
                  ))}
                </li>
              ))}
              {changes.length > 20 && <li className="muted">……另有 {changes.length - 20} 处修改</li>}
              {e.omitted > 0 && <li className="muted">……另有 {e.omitted} 处修改未逐条记录</li>}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}

function show(f: FieldChange, which: 'old' | 'new', people: ReadonlyMap<string, Person>): string {
  const v = f[which];
  const record = recordFieldText(f.field, v);
  if (record !== null) return record || '（空）';
  if (Array.isArray(v)) return namesFor(people, v as string[]).join('、') || '（空）';
  if (f.field === 'supervisorId') return (typeof v === 'string' && people.get(v)?.name) || '（空）';
  if (v === '' || v === null || v === undefined) return '（空）';
  const s = String(v);
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}
