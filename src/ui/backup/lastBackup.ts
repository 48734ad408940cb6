import { useSyncExternalStore } from 'react';

/** When this browser last saved a backup: shown to the user, and the reason for a reminder after 30 days. */
const KEY = 'sanqingdan.lastBackupAt';
const listeners = new Set<() => void>();

export function recordBackup(at = new Date()): void {
  try {
    localStorage.setItem(KEY, at.toISOString());
  } catch {
    // not remembered; the backup itself was saved
  }
  listeners.forEach((l) => l());
}

const read = (): string | null => {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
};

export function useLastBackup(): Date | null {
  const iso = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    read,
  );
  return iso ? new Date(iso) : null;
}

export const REMIND_AFTER_DAYS = 30;

export function needsReminder(last: Date | null, hasData: boolean, now = new Date()): boolean {
  if (!hasData) return false;
  return !last || now.getTime() - last.getTime() > REMIND_AFTER_DAYS * 86400000;
}
