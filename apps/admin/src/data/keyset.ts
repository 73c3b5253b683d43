import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, withQuery, type Query } from '../api';

export interface KeysetPage<T> {
  items: T[];
  nextCursor: string | null;
}

const PAGE_SIZE = 50;

/**
 * A keyset-paginated list for infinite scrolling. With `keepPrevious`, the previous result stays on screen
 * while a new filter loads; leave it off where the previous result would belong to someone else.
 */
export function useKeysetList<T>(queryKey: readonly unknown[], path: string, filters: object, keepPrevious = true) {
  return useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => api<KeysetPage<T>>(withQuery(path, { ...(filters as Query), limit: PAGE_SIZE, cursor: pageParam }), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });
}
