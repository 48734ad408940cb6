interface Props {
  onCreate: () => void;
  onImport: () => void;
  onSample: () => void;
}

/** What a new user sees: no list yet, and the next step. */
export function EmptyState({ onCreate, onImport, onSample }: Props) {
  return (
    <section className="empty-state" data-testid="empty-state">
      <h1>意识形态领域风险“三清单”</h1>
      <p>
        在这里维护<strong>问题清单</strong>、<strong>措施清单</strong>和<strong>责任清单</strong>
        ：每个问题下列出具体措施，每条措施落实到责任部门和责任领导。数据只保存在本机浏览器中，不上传任何服务器。
      </p>
      <div className="empty-state__actions">
        <button type="button" className="primary big" data-testid="empty-new-list" onClick={onCreate}>
          新建清单
        </button>
        <button type="button" className="big" data-testid="empty-import" onClick={onImport}>
          导入 Excel
        </button>
        <button type="button" className="big" data-testid="open-sample" onClick={onSample}>
          打开示例
        </button>
      </div>
      <ol className="empty-state__steps">
        <li>新建一份清单，填写单位和期次（如“2026年上半年”）。</li>
        <li>逐条添加问题和措施；已有 Excel/WPS 表格的，直接“导入 Excel”（或把 .xlsx 文件拖到本页），也可复制表格后按 Ctrl+V 粘贴。</li>
        <li>为每条措施选择责任部门和责任领导；部门的分管领导会自动带出。</li>
      </ol>
    </section>
  );
}
