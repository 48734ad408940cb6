import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer: ReactNode;
  testId?: string;
  wide?: boolean;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The dialogs open now, the last on top: only the top one answers Esc and keeps Tab. */
const openDialogs: HTMLElement[] = [];

const visible = (el: HTMLElement) => !el.hidden && el.getClientRects().length > 0;

/**
 * What makes an element behave as a dialog for the keyboard (Modal's, and any full-screen view such as the print
 * preview): focus in on open, Tab kept inside, Esc closes, focus back to the opener on close.
 */
export function useDialogKeyboard(ref: RefObject<HTMLElement | null>, onClose: () => void): void {
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    openDialogs.push(dialog);
    const first =
      dialog.querySelector<HTMLElement>('.modal__body input:not([type=hidden]):not([disabled]), .modal__body select, .modal__body textarea') ??
      dialog.querySelector<HTMLElement>('button.primary:not([disabled])') ??
      dialog.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? dialog).focus();

    const onKey = (e: KeyboardEvent) => {
      // a field that acts on the key itself (the people picker confirms on Tab) has had it first
      if (e.defaultPrevented || openDialogs[openDialogs.length - 1] !== dialog) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        closeRef.current();
      } else if (e.key === 'Tab') {
        const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(visible);
        if (items.length === 0) {
          e.preventDefault();
          return;
        }
        const at = items.indexOf(document.activeElement as HTMLElement);
        const next = e.shiftKey ? (at <= 0 ? items.length - 1 : at - 1) : at === -1 || at === items.length - 1 ? 0 : at + 1;
        e.preventDefault();
        items[next]!.focus();
      }
    };
    // on the document, after the dialog's own fields (React's handlers) had the key
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      openDialogs.splice(openDialogs.indexOf(dialog), 1);
      // back to where the user was, if it is still there (a dialog that deleted its row's cell has nowhere to go back to)
      if (opener && opener.isConnected && (!document.activeElement || document.activeElement === document.body || dialog.contains(document.activeElement))) {
        opener.focus({ preventScroll: true });
      }
    };
  }, []);
}

/**
 * A dialog on top of the page, as a keyboard user expects one: it takes focus when it opens (its first field, else its
 * main button), keeps Tab and Shift+Tab inside, closes on Esc wherever focus is, and gives focus back to where it was
 * (the cell or button it was opened from) when it closes.
 */
export function Modal({ title, onClose, children, footer, testId, wide }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const closeRef = useRef(onClose);
  closeRef.current = onClose;

  useDialogKeyboard(ref, onClose);

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        className={wide ? 'modal modal--wide' : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        ref={ref}
        tabIndex={-1}
      >
        <h2>{title}</h2>
        <div className="modal__body">{children}</div>
        <div className="modal__footer">{footer}</div>
      </div>
    </div>
  );
}

export function ConfirmDialog(props: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal
      title={props.title}
      onClose={props.onClose}
      testId="confirm-dialog"
      footer={
        <DialogButtons
          onCancel={props.onClose}
          confirmLabel={props.confirmLabel}
          testId="confirm-ok"
          danger={props.danger}
          onConfirm={() => {
            props.onConfirm();
            props.onClose();
          }}
        />
      }
    >
      <p>{props.message}</p>
    </Modal>
  );
}

/**
 * A dialog's usual footer: 取消 and the one action (primary; red when it destroys something). The action's test id
 * is the contract with the tests; a disabled action says by its state that something is still missing.
 */
export function DialogButtons(props: { onCancel: () => void; confirmLabel: ReactNode; onConfirm: () => void; testId: string; danger?: boolean; disabled?: boolean }) {
  return (
    <>
      <button type="button" onClick={props.onCancel}>
        取消
      </button>
      <button type="button" className={props.danger ? 'primary danger' : 'primary'} data-testid={props.testId} disabled={props.disabled} onClick={props.onConfirm}>
        {props.confirmLabel}
      </button>
    </>
  );
}
