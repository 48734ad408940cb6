import { pinyinReady, setSyllableSource } from '../domain/pinyinMatch';

let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

/**
 * Loads pinyin-pro the first time a pinyin query is typed (a separate chunk: it is not in the first bundle), then
 * tells the pickers and filters, which search again.
 */
export function loadPinyin(): Promise<void> {
  if (pinyinReady()) return Promise.resolve();
  loading ??= import('pinyin-pro')
    .then(({ pinyin }) => {
      setSyllableSource((text) => pinyin(text, { toneType: 'none', type: 'array', v: true }));
      for (const l of listeners) l();
    })
    .catch(() => {
      loading = null; // offline before the chunk was cached: plain search still works, the next query tries again
    });
  return loading;
}

export function onPinyinLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
