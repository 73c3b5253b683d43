import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CustomerList, JobRun, SaveTierPolicy, TierChange, TieringSummary, TierPolicy, TierPreview, TierRules } from '@crm/contracts';
import { api, withQuery } from '../api';
import type { TierFlag } from '../tier-view';

export type { TierChange, TieringSummary, TierPolicy, TierPreview, TierRules };

const keys = {
  summary: ['tiering', 'summary'] as const,
  policy: ['tiering', 'policy'] as const,
  versions: ['tiering', 'versions'] as const,
  history: (customerId: string) => ['customers', 'tier-history', customerId] as const,
};

const RUN_POLL_MS = 1000;

export const useTieringSummary = () =>
  useQuery({ queryKey: keys.summary, queryFn: ({ signal }) => api<TieringSummary>('/tiering/summary', { signal }) });

export const useTierPolicy = () => useQuery({ queryKey: keys.policy, queryFn: ({ signal }) => api<TierPolicy>('/tiering/policy', { signal }) });

export const usePolicyVersions = () =>
  useQuery({ queryKey: keys.versions, queryFn: ({ signal }) => api<{ items: TierPolicy[] }>('/tiering/policy/versions', { signal }).then((r) => r.items) });

/** What would move between tiers under these rules today (the server writes nothing). */
export const usePreviewPolicy = () => useMutation({ mutationFn: (rules: TierRules) => api<TierPreview>('/tiering/policy/preview', { method: 'POST', body: { rules } }) });

export function useSavePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveTierPolicy) => api<TierPolicy>('/tiering/policy', { method: 'PUT', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.policy, saved);
      return queryClient.invalidateQueries({ queryKey: keys.versions });
    },
  });
}

export function useTierHistory(customerId: string) {
  return useQuery({
    queryKey: keys.history(customerId),
    queryFn: ({ signal }) => api<{ items: TierChange[] }>(`/customers/${encodeURIComponent(customerId)}/tier-history`, { signal }).then((r) => r.items),
  });
}

/** Starts the retier job now; the queued run shows in the summary's runs. */
export function useStartRetier() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<JobRun>('/jobs/retier/runs', { method: 'POST', body: {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.summary }),
  });
}

/** The most valuable few customers with this flag (the whole list is the customer list filtered by it). */
export function useFlaggedCustomers(flag: TierFlag, limit: number) {
  return useQuery({
    queryKey: ['customers', 'flagged', flag, limit],
    queryFn: ({ signal }) => api<CustomerList>(withQuery('/customers', { tierFlag: flag, sort: '-value', limit }), { signal }).then((r) => r.items),
  });
}

/** A job run, polled while it is queued or running; once it is done, the tiers and customers everywhere are refreshed. */
export function useJobRun(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['jobs', 'runs', id ?? ''],
    queryFn: async ({ signal }) => {
      const run = await api<JobRun>(`/jobs/runs/${encodeURIComponent(id!)}`, { signal });
      if (run.state === 'completed' || run.state === 'failed') {
        void queryClient.invalidateQueries({ queryKey: ['tiering'] });
        void queryClient.invalidateQueries({ queryKey: ['customers'] });
      }
      return run;
    },
    enabled: !!id,
    refetchInterval: (q) => (q.state.data?.state === 'completed' || q.state.data?.state === 'failed' ? false : RUN_POLL_MS),
  });
}
