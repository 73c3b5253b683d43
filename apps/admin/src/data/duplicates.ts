import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DuplicatePair, MergeResult } from '@crm/contracts';
import { api } from '../api';
import { BOOKINGS_KEY } from './bookings';

export type { DuplicatePair };

const DUPLICATES_KEY = ['customers', 'duplicates'] as const;

/** Suggested pairs of customers that look like one person. */
export function useDuplicates() {
  return useQuery({
    queryKey: DUPLICATES_KEY,
    queryFn: ({ signal }) => api<{ items: DuplicatePair[] }>('/customers/duplicates', { signal }).then((r) => r.items),
  });
}

/** Merges `mergedId` into `survivorId`; every pair naming the merged customer is gone at once, then the lists refresh. */
export function useMergeCustomers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ survivorId, mergedId }: { survivorId: string; mergedId: string }) =>
      api<MergeResult>(`/customers/${encodeURIComponent(survivorId)}/merge`, { method: 'POST', body: { mergedId } }),
    onSuccess: (result) => {
      queryClient.setQueryData<DuplicatePair[]>(DUPLICATES_KEY, (pairs) => pairs?.filter((p) => p.a.id !== result.mergedId && p.b.id !== result.mergedId));
      void queryClient.invalidateQueries({ queryKey: BOOKINGS_KEY });
      return queryClient.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}
