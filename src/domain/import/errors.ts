import {
  MAX_CELLS,
  MAX_COMPRESSION_RATIO,
  MAX_FILE_BYTES,
  MAX_INFLATED_BYTES,
  MAX_MERGES,
  MAX_PART_BYTES,
  MAX_SHARED_STRINGS,
  MAX_SHEETS,
  WORKER_TIMEOUT_MS,
} from './limits';

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
  | 'no-table'
  // past one of the reader's limits (src/xlsx/limits.ts): a hostile or broken file, or far beyond any real table
  | 'inflated-too-large'
  | 'compression-ratio'
  | 'too-many-sheets'
  | 'too-many-cells'
  | 'too-many-strings'
  | 'too-many-merges'
  // the reading itself failed (out of memory, the worker stopped) or took too long
  | 'read-failed'
  | 'timeout';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'ImportError';
  }
}

const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const n = (count: number) => count.toLocaleString('en-US');
const KEEP_TABLE = '请在 Excel 或 WPS 中只保留三清单所在的工作表（删除无关的工作表、行列和图片），另存为 .xlsx 后再导入。';

const SAVE_AS = '请在 Excel 或 WPS 中打开它，选择“文件 → 另存为”，保存类型选“Excel 工作簿（*.xlsx）”，再导入新保存的文件。';

export function importErrorMessage(code: ImportErrorCode, fileName: string): string {
  const f = `“${fileName}”`;
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  switch (code) {
    case 'empty-file':
      return `${f}是空文件（0 字节），没有可导入的内容。请确认选择了正确的文件。`;
    case 'too-large':
      return `${f}超过 ${MB(MAX_FILE_BYTES)}，无法导入。请删除其中的图片或无关工作表后另存为 .xlsx 再导入。`;
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
    case 'inflated-too-large':
      return `${f}解压后的内容超过 ${MB(MAX_INFLATED_BYTES)}（单个部分最多 ${MB(MAX_PART_BYTES)}），可能已损坏或是恶意构造的文件，未导入。${KEEP_TABLE}`;
    case 'compression-ratio':
      return `${f}中有部分内容的压缩比超过 ${MAX_COMPRESSION_RATIO} : 1（正常表格远低于此），可能已损坏或是恶意构造的“压缩炸弹”，未导入。请重新获取该文件，或在 Excel/WPS 中打开后另存为 .xlsx 再导入。`;
    case 'too-many-sheets':
      return `${f}中的工作表超过 ${n(MAX_SHEETS)} 个，无法导入。${KEEP_TABLE}`;
    case 'too-many-cells':
      return `${f}中有内容的单元格超过 ${n(MAX_CELLS)} 个（或表格的行列范围过大），无法导入。${KEEP_TABLE}`;
    case 'too-many-strings':
      return `${f}中的文字条目超过 ${n(MAX_SHARED_STRINGS)} 条，无法导入。${KEEP_TABLE}`;
    case 'too-many-merges':
      return `${f}中的合并单元格超过 ${n(MAX_MERGES)} 个（或合并的范围过大），无法导入。请在 Excel 或 WPS 中取消无关区域的合并单元格，另存为 .xlsx 后再导入。`;
    case 'read-failed':
      return `读取${f}时出错，文件可能过大或已损坏，未导入任何内容。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再导入；如仍不行，请只保留三清单所在的工作表。`;
    case 'timeout':
      return `读取${f}超过 ${WORKER_TIMEOUT_MS / 1000} 秒仍未完成，已停止，未导入任何内容。文件可能过大或已损坏：${KEEP_TABLE}`;
  }
}
