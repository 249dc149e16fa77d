/** The large-type switch: a class on <html> that scales every rem, remembered in localStorage. */
import { useCallback, useEffect, useState } from "react";

const STORAGE_KEY = "scamguard.large";

function stored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) === "1";
  } catch {
    return false;
  }
}

export function useLargeType(): [boolean, (on: boolean) => void] {
  const [large, setState] = useState(stored);
  useEffect(() => {
    document.documentElement.classList.toggle("large", large);
  }, [large]);
  const setLarge = useCallback((on: boolean) => {
    try {
      localStorage.setItem(STORAGE_KEY, on ? "1" : "0");
    } catch {
      // Not remembered; still applied.
    }
    setState(on);
  }, []);
  return [large, setLarge];
}
