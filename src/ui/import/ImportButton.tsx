import type { RefObject } from 'react';

export const XLSX_ACCEPT = '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** “导入 Excel”: a button over the file input (which keeps the stable test id). */
export function ImportButton({ onFile, input }: { onFile: (file: File) => void; input: RefObject<HTMLInputElement | null> }) {
  return (
    <>
      <button type="button" data-testid="import-button" title="导入已有的 .xlsx 三清单表格（也可把文件拖到页面上）" onClick={() => input.current?.click()}>
        导入 Excel
      </button>
      <input
        ref={input}
        type="file"
        accept={XLSX_ACCEPT}
        hidden
        data-testid="import-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = ''; // choosing the same file again must import again
          if (file) onFile(file);
        }}
      />
    </>
  );
}
