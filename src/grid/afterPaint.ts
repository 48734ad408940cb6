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
  const scheduler = (globalThis as { scheduler?: { postTask?: (t: () => void, o: { priority: string }) => Promise<unknown> } }).scheduler;
  // (a task that throws is reported as any error, not as a rejected promise of the scheduler's)
  const report = (e: unknown) => setTimeout(() => {
    throw e;
  });
  requestAnimationFrame(() => (scheduler?.postTask ? void scheduler.postTask(run, { priority: 'background' }).catch(report) : setTimeout(run, 0)));
  setTimeout(run, 250);
}
