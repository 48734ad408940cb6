/** A task at background priority where the browser has a scheduler (Chromium), else a plain one. */
export function inBackground(task: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask?: (t: () => void, o: { priority: string }) => Promise<unknown> } }).scheduler;
  // (a task that throws is reported as any error, not as a rejected promise of the scheduler's)
  if (scheduler?.postTask)
    void scheduler.postTask(task, { priority: 'background' }).catch((e: unknown) =>
      setTimeout(() => {
        throw e;
      }),
    );
  else setTimeout(task, 0);
}

/**
 * Runs `task` once the next frame is painted, below what else the page has queued (a key pressed meanwhile), and
 * within a quarter of a second whatever comes (a hidden tab paints no frame; a busy page runs no background task).
 * For work an edit causes that the edit's own text need not wait for: the rows' new heights, the bars' counts.
 */
export function afterPaint(task: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    task();
  };
  requestAnimationFrame(() => inBackground(run));
  setTimeout(run, 250);
}
