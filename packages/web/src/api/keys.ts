/**
 * API keys typed into the page (reporter, analyst, institution). Kept in sessionStorage: this tab only,
 * gone when it closes; never in localStorage, never in the URL.
 */
import { useCallback, useState } from "react";

export type KeySlot = "reporter" | "analyst" | "institution";

const storageKey = (slot: KeySlot) => `scamguard.key.${slot}`;

function read(slot: KeySlot): string | null {
  try {
    return sessionStorage.getItem(storageKey(slot));
  } catch {
    return null;
  }
}

/** `[key, setKey]` for one slot; `setKey(null)` forgets it. */
export function useApiKey(slot: KeySlot): [string | null, (key: string | null) => void] {
  const [key, setState] = useState<string | null>(() => read(slot));
  const setKey = useCallback(
    (next: string | null) => {
      try {
        if (next) sessionStorage.setItem(storageKey(slot), next);
        else sessionStorage.removeItem(storageKey(slot));
      } catch {
        // Storage refused: the key still works until the page is reloaded.
      }
      setState(next);
    },
    [slot],
  );
  return [key, setKey];
}
