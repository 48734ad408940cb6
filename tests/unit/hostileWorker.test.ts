import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportError } from '../../src/domain/import/errors';
import { WORKER_TIMEOUT_MS } from '../../src/domain/import/limits';
import { readXlsxInWorker } from '../../src/xlsx/readInWorker';
import type { WorkerRequest, WorkerResponse } from '../../src/xlsx/workerProtocol';

/**
 * The page's side of the import worker when the worker does not answer as it should: it dies (out of memory, a
 * script error), says nothing at all, or reports a limit. Each ends in an ImportError the page shows, and the worker
 * is ended; the page goes on.
 */
class FakeWorker {
  static last: FakeWorker | null = null;
  static behaviour: (w: FakeWorker, request: WorkerRequest) => void = () => undefined;
  onmessage: ((e: MessageEvent<WorkerResponse>) => void) | null = null;
  onerror: ((e: { message: string; preventDefault: () => void }) => void) | null = null;
  onmessageerror: (() => void) | null = null;
  terminated = false;
  constructor() {
    FakeWorker.last = this;
  }
  postMessage(request: WorkerRequest) {
    FakeWorker.behaviour(this, request);
  }
  terminate() {
    this.terminated = true;
  }
  answer(m: WorkerResponse) {
    this.onmessage?.({ data: m } as MessageEvent<WorkerResponse>);
  }
}

const read = () => readXlsxInWorker(new ArrayBuffer(8), () => undefined);
const codeOf = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ImportError);
  return (e as ImportError).code;
};

describe('the import worker failing', () => {
  beforeEach(() => {
    vi.stubGlobal('Worker', FakeWorker);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('dies with an error event (out of memory): a failed read, said as such, and the worker ended', async () => {
    let prevented = false;
    FakeWorker.behaviour = (w) => setTimeout(() => w.onerror?.({ message: 'Uncaught RangeError: Array buffer allocation failed', preventDefault: () => (prevented = true) }));
    expect(await codeOf(read())).toBe('read-failed');
    expect(prevented).toBe(true);
    expect(FakeWorker.last!.terminated).toBe(true);
  });

  it('answers with something it cannot read: a failed read', async () => {
    FakeWorker.behaviour = (w) => setTimeout(() => w.onmessageerror?.());
    expect(await codeOf(read())).toBe('read-failed');
    expect(FakeWorker.last!.terminated).toBe(true);
  });

  it('never answers (killed without a word): stopped after the time limit', async () => {
    vi.useFakeTimers();
    FakeWorker.behaviour = () => undefined;
    const result = codeOf(read());
    await vi.advanceTimersByTimeAsync(WORKER_TIMEOUT_MS + 1);
    expect(await result).toBe('timeout');
    expect(FakeWorker.last!.terminated).toBe(true);
  });

  it('reports a limit: that limit, and a later answer changes nothing', async () => {
    FakeWorker.behaviour = (w, request) =>
      setTimeout(() => {
        w.answer({ id: request.id, type: 'error', code: 'inflated-too-large', detail: 'xl/worksheets/sheet1.xml' });
        w.answer({ id: request.id, type: 'progress', done: 1, total: 1 });
      });
    expect(await codeOf(read())).toBe('inflated-too-large');
    expect(FakeWorker.last!.terminated).toBe(true);
  });
});
