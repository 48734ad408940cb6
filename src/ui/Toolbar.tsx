import type { Commands } from '../grid/commands';

interface Props {
  commands: Commands;
  onBulk: () => void;
  onRowHistory: () => void;
}

/** Row actions. Each names its keyboard shortcut, which works while a cell is focused. */
export function Toolbar({ commands, onBulk, onRowHistory }: Props) {
  const button = (label: string, title: string, testId: string, action: () => void) => (
    <button type="button" title={title} data-testid={testId} onClick={action}>
      {label}
    </button>
  );
  return (
    <div className="toolbar" role="toolbar" aria-label="行操作">
      {button('＋ 新增问题', '在当前问题之后新增一个问题（Ctrl+Shift+Enter）', 'add-problem', () => void commands.addProblem())}
      {button('＋ 新增措施', '在当前问题下新增一条措施（Ctrl+Enter 在当前行下方插入）', 'add-measure', () => void commands.addMeasure())}
      <span className="toolbar__sep" />
      {button('上方插入', '在当前行上方插入：光标在问题/序号列时插入问题，否则插入措施', 'insert-above', () => void commands.insert('above'))}
      {button('下方插入', '在当前行下方插入：光标在问题/序号列时插入问题，否则插入措施（Ctrl+Enter）', 'insert-below', () =>
        void commands.insert('below'),
      )}
      {button('上移', '上移：光标在问题/序号列时移动整个问题，否则移动措施（Alt+↑）', 'move-up', () => void commands.move(-1))}
      {button('下移', '下移：光标在问题/序号列时移动整个问题，否则移动措施（Alt+↓）', 'move-down', () => void commands.move(1))}
      {button('删除行', '删除勾选的行或当前行（Ctrl+Delete）；可撤销', 'delete-rows', () => void commands.deleteRows())}
      <span className="toolbar__sep" />
      {button('批量设置…', '为勾选的行统一设置责任部门、责任领导、完成时限或进展', 'bulk-set', onBulk)}
      {button('本行记录', '查看当前行（措施及其问题）的全部修改记录', 'row-history-button', onRowHistory)}
    </div>
  );
}
