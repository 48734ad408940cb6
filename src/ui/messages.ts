import { useSyncExternalStore } from 'react';

/** Short messages at the bottom of the page: what happened, or what went wrong and what to do. */
export interface Message {
  id: number;
  text: string;
  kind: 'info' | 'error';
}

let messages: Message[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function showMessage(text: string, kind: Message['kind'] = 'info'): void {
  const id = nextId++;
  messages = [...messages.slice(-3), { id, text, kind }];
  emit();
  setTimeout(() => dismissMessage(id), kind === 'error' ? 12000 : 4000);
}

export function dismissMessage(id: number): void {
  messages = messages.filter((m) => m.id !== id);
  emit();
}

export function useMessages(): Message[] {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => messages,
  );
}
