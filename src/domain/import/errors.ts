/**
 * Why a file cannot be imported, and what the user should do, in Chinese, naming the file. The reader and the
 * workbook analysis report codes; the app and the CLI show these messages.
 */
export type ImportErrorCode =
  | 'empty-file'
  | 'too-large'
  | 'ole'
  | 'not-excel'
  | 'corrupt'
  | 'not-xlsx'
  | 'no-sheets'
  | 'no-table';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ImportError';
  }
}

const SAVE_AS = '请在 Excel 或 WPS 中打开它，选择“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再导入新保存的文件。';

export function importErrorMessage(code: ImportErrorCode, fileName: string): string {
  const f = `“${fileName}”`;
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  switch (code) {
    case 'empty-file':
      return `${f}是空文件（0 字节），没有可导入的内容。请确认选择了正确的文件。`;
    case 'too-large':
      return `${f}超过 50 MB，无法导入。请删除其中的图片或无关工作表后另存为 .xlsx 再导入。`;
    case 'ole':
      if (ext === 'et') return `${f}是 WPS 表格（.et）格式，无法直接导入。${SAVE_AS}`;
      if (ext === 'xls') return `${f}是旧版 Excel（.xls）格式，无法直接导入。${SAVE_AS}`;
      return `${f}设置了打开密码，或是旧版 .xls / WPS .et 格式，无法读取。请在 Excel 或 WPS 中打开，取消打开密码（文件 → 信息 → 保护工作簿），并另存为 .xlsx 后再导入。`;
    case 'not-excel':
      return `${f}不是 Excel 工作簿（可能是其他类型的文件改了扩展名）。请选择 .xlsx 文件；如是 WPS 或 CSV 文件，${SAVE_AS}`;
    case 'corrupt':
      return `${f}已损坏或不完整（可能未下载完，或复制时出错），无法读取。请重新获取该文件，或在 Excel/WPS 中打开后另存为 .xlsx 再导入。`;
    case 'not-xlsx':
      return `${f}不是 Excel 工作簿（可能是 Word 文档或其他格式的压缩文件）。请选择 .xlsx 文件。`;
    case 'no-sheets':
      return `${f}中没有任何工作表内容，没有可导入的数据。`;
    case 'no-table':
      return `在${f}中没有找到可识别的三清单表格。请确认表格有表头行，且表头中含有“问题清单”（或“风险点”“存在问题”等）和“措施清单”（或“防控措施”“整改措施”等）列名。`;
  }
}
