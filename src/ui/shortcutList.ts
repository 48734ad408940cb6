/** Every key the app answers, as the shortcut sheet (F1 or ?) and README's table show them. */
export interface ShortcutGroup {
  title: string;
  keys: [keys: string, what: string][];
}

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: '移动与选择',
    keys: [
      ['↑ ↓ ← →', '移动到相邻单元格'],
      ['Tab / Shift+Tab', '右移 / 左移一格'],
      ['Home / End', '本行第一格 / 最后一格'],
      ['Ctrl+Home / Ctrl+End', '第一个 / 最后一个单元格'],
      ['PageUp / PageDown', '上翻 / 下翻一屏'],
      ['Shift+方向键', '扩大或缩小选中的单元格区域（也可用鼠标拖选）'],
      ['Ctrl+Shift+↑ 或 Esc 后 Tab', '离开表格，到上方工具栏'],
    ],
  },
  {
    title: '编辑',
    keys: [
      ['直接输入（含中文输入法）', '开始编辑当前单元格'],
      ['Enter / F2 / 双击', '编辑当前单元格'],
      ['Enter', '确认并下移'],
      ['Esc', '取消编辑'],
      ['Alt+Enter / Shift+Enter', '在单元格内换行'],
      ['Delete', '清除当前单元格或选中区域'],
      ['Ctrl+D / Ctrl+R', '向下 / 向右填充（取上方 / 左侧单元格，或选中区域的首行 / 首列）'],
      ['Ctrl+C / Ctrl+X / Ctrl+V', '复制 / 剪切 / 粘贴（可与 Excel、WPS 互相粘贴）'],
      ['Ctrl+Z / Ctrl+Y', '撤销 / 重做（刷新页面后仍可撤销）'],
    ],
  },
  {
    title: '行',
    keys: [
      ['Ctrl+Shift+Enter', '在下方新增问题'],
      ['Ctrl+Enter', '在下方插入措施'],
      ['Alt+↑ / Alt+↓', '上移 / 下移（在序号、问题列时移动整个问题）'],
      ['Ctrl+Delete', '删除勾选的行或当前行'],
      ['右键', '剪切、复制、粘贴、插入、删除行、本行记录等'],
    ],
  },
  {
    title: '查找与其他',
    keys: [
      ['Ctrl+F', '到搜索框（可用拼音首字母，如 jwc 找“教务处”）'],
      ['Ctrl+H', '查找和替换'],
      ['Ctrl+滚轮', '缩放表格文字'],
      ['责任部门/领导选择器中：Enter / Tab / Esc', '勾选高亮项 / 确定 / 取消；新建需选中“新建…”一行'],
      ['F1 或 ?', '显示本快捷键表'],
      ['Esc', '关闭对话框或菜单'],
    ],
  },
];
