/**
 * Files dropped on the page go to the import, unless they are several files or a .zip while a list is open: those
 * are departments' copies to merge. The open list's merge registers here; the page's drop handler asks first.
 */
let target: ((files: File[]) => void) | null = null;

export function setMergeDropTarget(handler: ((files: File[]) => void) | null): void {
  target = handler;
}

/** True when the files were taken for a merge. */
export function takeMergeDrop(list: FileList | null | undefined): boolean {
  if (!target || !list) return false;
  const files = [...list];
  if (files.length < 2 && !files.some((f) => /\.zip$/i.test(f.name))) return false;
  target(files);
  return true;
}
