import { listDisplayName } from '../domain/lists';
import type { Id, RiskList } from '../domain/types';

interface Props {
  lists: RiskList[];
  current: RiskList;
  onSelect: (id: Id) => void;
  onNew: () => void;
  onEdit: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

export function ListSwitcher({ lists, current, onSelect, onNew, onEdit, onDuplicate, onDelete }: Props) {
  return (
    <div className="list-switcher">
      <select aria-label="当前清单" data-testid="list-select" value={current.id} onChange={(e) => onSelect(e.target.value)}>
        {[...lists].reverse().map((l) => (
          <option key={l.id} value={l.id}>
            {listDisplayName(l)}
          </option>
        ))}
      </select>
      <button type="button" data-testid="new-list" onClick={onNew}>
        新建清单
      </button>
      <button type="button" data-testid="edit-list" title="修改单位名称、标题、期次和进展/状态的选项" onClick={onEdit}>
        清单设置
      </button>
      <button type="button" data-testid="duplicate-list" title="以本期未销号的问题和措施开始下一期" onClick={onDuplicate}>
        开始下一期
      </button>
      <button type="button" className="danger" data-testid="delete-list" onClick={onDelete}>
        删除清单
      </button>
    </div>
  );
}
