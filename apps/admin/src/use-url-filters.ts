import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * Filters kept in the URL query: a filtered list survives opening a row and coming back, and can be shared as a link.
 * `generation` changes on `clear`, as a key that remounts text boxes holding their own (debounced) text.
 */
export function useUrlFilters() {
  const [params, setParams] = useSearchParams();
  const [generation, setGeneration] = useState(0);
  const setFilters = useCallback(
    (patch: Record<string, string | undefined>) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [name, value] of Object.entries(patch)) {
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next.toString() === prev.toString() ? prev : next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const clear = useCallback(() => {
    setParams({}, { replace: true });
    setGeneration((g) => g + 1);
  }, [setParams]);
  return { params, setFilters, clear, generation };
}
