/**
 * Browser storage may be evicted under pressure unless the site is granted persistence. Chromium decides by heuristics
 * (often "no" for a fresh profile), so the result is shown to the user and never relied on.
 */
export type PersistState = 'granted' | 'denied' | 'unsupported';

export async function persistedState(): Promise<PersistState> {
  if (!navigator.storage?.persisted) return 'unsupported';
  return (await navigator.storage.persisted()) ? 'granted' : 'denied';
}

export async function requestPersistence(): Promise<PersistState> {
  if (!navigator.storage?.persist) return 'unsupported';
  return (await navigator.storage.persist()) ? 'granted' : 'denied';
}
