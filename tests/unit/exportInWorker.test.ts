import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { defaultOptions } from '../../src/domain/export/exportOptions';
import { exportInWorker, WORKER_FAILED } from '../../src/xlsx/exportInWorker';
import type { ExportRequest, ExportResponse } from '../../src/xlsx/workerProtocol';
import { fixture, rowsOf } from './helpers';

/**
 * A stand-in for the browser's Worker (Node has none): it fails to load, stops with an uncaught error, or answers as
 * the export worker does.
 */
class FakeWorker extends EventTarget {
  static made: FakeWorker[] = [];
  static behaviour: 'load-fails' | 'crashes' | 'answers' = 'answers';
  terminated = false;
  constructor() {
    super();
    FakeWorker.made.push(this);
    if (FakeWorker.behaviour === 'load-fails') setTimeout(() => this.dispatchEvent(new Event('error', { cancelable: true })));
  }
  postMessage(request: ExportRequest) {
    setTimeout(() => {
      if (this.terminated) return;
      if (FakeWorker.behaviour === 'crashes') this.dispatchEvent(new Event('error', { cancelable: true }));
      else if (FakeWorker.behaviour === 'answers') {
        const data: ExportResponse = { id: request.id, type: 'done', bytes: new Uint8Array([1, 2, 3]), warnings: [] };
        this.dispatchEvent(new MessageEvent('message', { data }));
      }
    });
  }
  terminate() {
    this.terminated = true;
  }
}

describe('an export whose worker fails', () => {
  const original = globalThis.Worker;
  globalThis.Worker = FakeWorker as unknown as typeof Worker;
  afterEach(() => {
    FakeWorker.made = [];
  });
  afterAll(() => {
    globalThis.Worker = original;
  });
  const { content, directory } = fixture();
  const run = () => exportInWorker(content, directory, defaultOptions(rowsOf(content)), null);

  it('is rejected with a clear message when the worker does not load, and the next export starts a new worker', async () => {
    FakeWorker.behaviour = 'load-fails';
    await expect(Promise.all([run(), run()])).rejects.toThrow(WORKER_FAILED);
    expect(FakeWorker.made).toHaveLength(1);
    expect(FakeWorker.made[0]!.terminated).toBe(true);
    FakeWorker.behaviour = 'answers';
    await expect(run()).resolves.toEqual({ bytes: new Uint8Array([1, 2, 3]), warnings: [] });
    expect(FakeWorker.made).toHaveLength(2);
  });

  it('is rejected when the worker stops with an uncaught error', async () => {
    FakeWorker.behaviour = 'crashes';
    const first = run();
    const second = run();
    await expect(first).rejects.toThrow('导出程序未能加载或意外停止');
    await expect(second).rejects.toThrow('导出程序未能加载或意外停止');
  });

  it('is rejected when the browser refuses to start a worker', async () => {
    globalThis.Worker = class {
      constructor() {
        throw new DOMException('blocked', 'SecurityError');
      }
    } as unknown as typeof Worker;
    await expect(run()).rejects.toThrow(WORKER_FAILED);
  });
});
