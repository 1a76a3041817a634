import { useCallback, useState } from 'react';

function read(storageKey: string, known: readonly string[]): string[] | null {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(storageKey) ?? 'null');
    if (!Array.isArray(parsed)) return null;
    // Columns renamed or removed since the choice was stored are dropped.
    return parsed.filter((key): key is string => typeof key === 'string' && known.includes(key));
  } catch {
    return null;
  }
}

/** Which optional columns a list shows, remembered in this browser (localStorage). */
export function useColumnChoice(
  storageKey: string,
  known: readonly string[],
  defaults: readonly string[],
): [string[], (next: string[]) => void] {
  const [visible, setVisible] = useState<string[]>(() => read(storageKey, known) ?? [...defaults]);
  const choose = useCallback(
    (next: string[]) => {
      setVisible(next);
      try {
        window.localStorage.setItem(storageKey, JSON.stringify(next));
      } catch {
        // Private mode may refuse storage; the choice then lasts for this page only.
      }
    },
    [storageKey],
  );
  return [visible, choose];
}
