import { useCallback, useEffect, useState } from 'react';
import { type ApiError, api } from './client.ts';

/** Loads a GET endpoint; `reload` fetches it again after a change. */
export function useApi<T>(path: string | null) {
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<ApiError | Error | undefined>();
  const [loading, setLoading] = useState(path !== null);
  const [version, setVersion] = useState(0);

  // `version` is a dependency on purpose: bumping it refetches the same path.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version triggers a reload
  useEffect(() => {
    if (path === null) return;
    let cancelled = false;
    setLoading(true);
    api<T>(path)
      .then((d) => {
        if (cancelled) return;
        setData(d);
        setError(undefined);
      })
      .catch((e: Error) => {
        if (!cancelled) setError(e);
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [path, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload };
}
