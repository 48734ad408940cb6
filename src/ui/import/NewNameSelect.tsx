import { KIND_LABEL, recordsOf } from '../../domain/directory';
import { mappingKey, similarText, type NewName } from '../../domain/import/importPlan';
import type { Directory, Id } from '../../domain/types';

interface Props {
  name: NewName;
  directory: Directory;
  /** `${kind}:${nameKey}` → the existing record a new name stands for */
  mapped: ReadonlyMap<string, Id>;
  onChange: (mapped: Map<string, Id>) => void;
  testId?: string;
}

/**
 * What a new department or leader name in a file becomes: a new record (the default: never merged by a guess) or an
 * existing one, the similar records offered first with why. The import preview and the merge preview both ask this.
 */
export function NewNameSelect({ name, directory, mapped, onChange, testId }: Props) {
  const key = mappingKey(name.kind, name.name);
  const similar = new Set(name.similar.map((s) => s.id));
  const others = recordsOf(directory, name.kind).filter((r) => !similar.has(r.id));
  return (
    <select
      aria-label={`${name.name}对应到`}
      data-testid={testId}
      value={mapped.get(key) ?? ''}
      onChange={(e) => {
        const next = new Map(mapped);
        if (e.target.value) next.set(key, e.target.value);
        else next.delete(key);
        onChange(next);
      }}
    >
      <option value="">
        新建{KIND_LABEL[name.kind]}“{name.name}”
      </option>
      {name.similar.length > 0 && (
        <optgroup label="相似的已有记录">
          {name.similar.map((s) => (
            <option key={s.id} value={s.id}>
              对应到已有的“{s.name}”（{similarText(s, name.name)}）
            </option>
          ))}
        </optgroup>
      )}
      {others.length > 0 && (
        <optgroup label={name.similar.length > 0 ? '其他已有记录' : '已有记录'}>
          {others.map((r) => (
            <option key={r.id} value={r.id}>
              对应到已有的“{r.name}”
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}
