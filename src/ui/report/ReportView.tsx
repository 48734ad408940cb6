import { useEffect } from 'react';
import { createPortal } from 'react-dom';
import { documentText, type ReportDocument } from '../../domain/cycle/bulletinText';
import { showMessage } from '../messages';
import './report.css';

interface Props {
  doc: ReportDocument;
  /** the .docx file's name, without extension */
  fileName: string;
  onClose: () => void;
  testId?: string;
}

/**
 * A report (the 通报, a leader's 研判 material) as it prints on A4 portrait, with its text to copy and its Word file to
 * download for the office to edit. The .docx writer is loaded only when asked for.
 */
export function ReportView({ doc, fileName, onClose, testId = 'report-view' }: Props) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('keydown', onKey);
    document.body.classList.add('printing-report');
    return () => {
      document.removeEventListener('keydown', onKey);
      document.body.classList.remove('printing-report');
    };
  }, [onClose]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(documentText(doc));
      showMessage('已复制全文，可粘贴到报告中。');
    } catch {
      showMessage('浏览器不允许写入剪贴板：请选中正文后按 Ctrl+C 复制。', 'error');
    }
  };

  const download = async () => {
    try {
      const { writeReportDocx } = await import('../../docx/writeReportDocx');
      const bytes = await writeReportDocx(doc);
      const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = `${fileName}.docx`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      console.error(e);
      showMessage(`生成 Word 文件时出错：${e instanceof Error ? e.message : String(e)}。请重试，或复制全文后粘贴到 Word 中。`, 'error');
    }
  };

  return createPortal(
    <div className="report-view" data-testid={testId} role="dialog" aria-label={doc.title}>
      <div className="report-view__bar">
        <span>A4 纵向；打印对话框中可“另存为 PDF”。Word 文件可在 Word / WPS 中继续修改。</span>
        <button type="button" data-testid="report-copy" onClick={() => void copy()}>
          复制全文
        </button>
        <button type="button" data-testid="report-docx" onClick={() => void download()}>
          下载 Word
        </button>
        <button type="button" className="primary" onClick={() => window.print()}>
          打印…
        </button>
        <button type="button" onClick={onClose}>
          关闭
        </button>
      </div>
      <article className="report-page" data-testid="report-text">
        <h1 className="report-page__title">{doc.title}</h1>
        <p className="report-page__subtitle">{doc.subtitle}</p>
        {doc.sections.map((s) => (
          <section key={s.heading}>
            <h2 className="report-page__heading">{s.heading}</h2>
            {s.paragraphs.map((p, i) => (
              <p key={i} className="report-page__para">
                {p}
              </p>
            ))}
          </section>
        ))}
      </article>
    </div>,
    document.body,
  );
}
