import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AtRiskCustomer, HealthScoreChange, LifecycleFunnel, LifecyclePlay, StageChange } from '@crm/contracts';
import { api } from '../api';
import { useKeysetList } from './keyset';

export type { AtRiskCustomer, HealthScoreChange, LifecycleFunnel, LifecyclePlay, StageChange };

const PLAYS = ['lifecycle', 'plays'] as const;

/** At-risk customers by value × risk, highest first (an account manager gets their own). */
export const useAtRiskList = () => useKeysetList<AtRiskCustomer>(['lifecycle', 'at-risk'], '/lifecycle/at-risk', {});

export const useLifecycleFunnel = () =>
  useQuery({ queryKey: ['lifecycle', 'funnel'], queryFn: ({ signal }) => api<LifecycleFunnel>('/lifecycle/funnel', { signal }) });

export const useStageHistory = (customerId: string) =>
  useQuery({
    queryKey: ['customers', 'stage-history', customerId],
    queryFn: ({ signal }) => api<{ items: StageChange[] }>(`/customers/${encodeURIComponent(customerId)}/stage-history`, { signal }).then((r) => r.items),
  });

export const useHealthHistory = (customerId: string) =>
  useQuery({
    queryKey: ['customers', 'health-history', customerId],
    queryFn: ({ signal }) => api<{ items: HealthScoreChange[] }>(`/customers/${encodeURIComponent(customerId)}/health-history`, { signal }).then((r) => r.items),
  });

/** Open plays ("call within 3 days"), earliest due first: an account manager's own, or one owner's for the others. */
export const useLifecyclePlays = (ownerId: string | undefined) => useKeysetList<LifecyclePlay>([...PLAYS, ownerId], '/lifecycle/plays', { ownerId }, false);

export function useMarkPlayDone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<LifecyclePlay>(`/lifecycle/plays/${encodeURIComponent(id)}/done`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PLAYS }),
  });
}
