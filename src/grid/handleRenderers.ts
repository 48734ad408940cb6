import type { ICellRendererComp, ICellRendererParams, IRowNode } from 'ag-grid-community';
import type { GridRow } from './gridRow';

/**
 * The first column (a row's checkbox and the handle that drags one measure) and the 序号 column (its number and the
 * handle that drags the whole problem), as plain DOM renderers.
 *
 * AG Grid's own selection checkbox and drag handle are components with a dozen elements and a set of grid-wide event
 * listeners each, created and destroyed for every row that scrolls into view: with them a wheel-speed scroll frame
 * cost 3–6 ms more. Here a row gets a few elements and one listener on its own node, and a handle becomes an AG Grid
 * drag source only when it is pressed (pointerdown comes before the mousedown the grid's drag service listens to).
 */
abstract class HandleCell implements ICellRendererComp<GridRow> {
  protected readonly gui = document.createElement('div');
  protected params!: ICellRendererParams<GridRow>;
  private handle: HTMLElement | null = null;
  private registered = false;

  init(params: ICellRendererParams<GridRow>): void {
    this.params = params;
    this.gui.className = 'handle-cell';
  }

  getGui(): HTMLElement {
    return this.gui;
  }

  refresh(params: ICellRendererParams<GridRow>): boolean {
    this.params = params;
    return false; // drawn again from the new data
  }

  destroy(): void {}

  /** A drag handle, made a drag source of the grid on the first press. */
  protected addHandle(title: string): void {
    const handle = document.createElement('span');
    handle.className = 'row-handle ag-row-drag ag-icon ag-icon-grip';
    handle.title = title;
    handle.setAttribute('aria-hidden', 'true');
    handle.addEventListener('pointerdown', () => {
      if (this.registered) return;
      this.registered = true;
      this.params.registerRowDragger(handle, 4, undefined, true);
    });
    this.handle = handle;
    this.gui.appendChild(handle);
  }

  protected get hasHandle(): boolean {
    return this.handle !== null;
  }
}

/** The row's checkbox and its measure handle. The checkbox follows the node's selection, wherever it was changed. */
export class RowHandleRenderer extends HandleCell {
  private readonly box = document.createElement('input');
  private node: IRowNode<GridRow> | null = null;
  private readonly sync = () => {
    this.box.checked = !!this.node?.isSelected();
  };

  override init(params: ICellRendererParams<GridRow>): void {
    super.init(params);
    this.addHandle('拖动以移动这条措施，可拖到另一个问题下');
    const box = this.box;
    box.type = 'checkbox';
    box.className = 'row-check';
    box.tabIndex = -1;
    box.setAttribute('aria-label', '勾选此行');
    box.addEventListener('click', (e) => {
      e.stopPropagation();
      this.node?.setSelected(box.checked, false, 'checkboxSelected');
    });
    this.gui.appendChild(box);
    this.watch(params.node);
  }

  override refresh(params: ICellRendererParams<GridRow>): boolean {
    this.params = params;
    if (params.node !== this.node) this.watch(params.node);
    else this.sync();
    return true;
  }

  private watch(node: IRowNode<GridRow>): void {
    this.node?.removeEventListener('rowSelected', this.sync);
    this.node = node;
    node.addEventListener('rowSelected', this.sync);
    this.sync();
  }

  override destroy(): void {
    this.node?.removeEventListener('rowSelected', this.sync);
    this.node = null;
  }
}

/**
 * Whether a row is its problem's first row as shown: its first measure, or under a filter the first of its shown
 * measures (the number of every problem stays visible in a filtered view).
 */
function firstShown(params: ICellRendererParams<GridRow>): boolean {
  const data = params.data;
  if (!data) return false;
  const index = params.node.rowIndex;
  if (index === null || index === undefined) return data.measureIndex === 0;
  return index === 0 || params.api.getDisplayedRowAtIndex(index - 1)?.data?.problemId !== data.problemId;
}

/** 序号 on a problem's first (shown) row, with the handle that moves the whole problem; nothing on its other rows. */
export class SerialRenderer extends HandleCell {
  override init(params: ICellRendererParams<GridRow>): void {
    super.init(params);
    if (!firstShown(params)) return;
    this.addHandle('拖动以移动整个问题');
    const text = document.createElement('span');
    text.className = 'serial-text';
    text.textContent = String(params.data!.serial);
    this.gui.appendChild(text);
  }

  override refresh(params: ICellRendererParams<GridRow>): boolean {
    const wasFirst = this.hasHandle;
    if (firstShown(params) !== wasFirst) return false;
    this.params = params;
    const text = this.gui.querySelector('.serial-text');
    if (text) text.textContent = String(params.data!.serial);
    return true;
  }
}
