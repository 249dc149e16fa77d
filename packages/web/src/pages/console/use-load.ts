/** Load one API resource with a key, again whenever the path, the key or `version` changes. */
import { useCallback, useEffect, useState } from "react";
import { api } from "../../api/client.js";

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  reload(): void;
}

export function useLoad<T>(path: string | null, apiKey: string | null): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the reload trigger
  useEffect(() => {
    if (path === null || apiKey === null) return;
    let live = true;
    api<T>(path, { apiKey }).then(
      (value) => {
        if (!live) return;
        setData(value);
        setError(null);
      },
      (caught: Error) => {
        if (live) setError(caught.message);
      },
    );
    return () => {
      live = false;
    };
  }, [path, apiKey, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, reload };
}
