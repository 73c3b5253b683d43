import { useQuery } from '@tanstack/react-query';
import type { AtRiskCustomer, LifecycleFunnel, StageChange } from '@crm/contracts';
import { api } from '../api';
import { useKeysetList } from './keyset';

export type { AtRiskCustomer, LifecycleFunnel, StageChange };

/** At-risk customers by value × risk, highest first (an account manager gets their own). */
export const useAtRiskList = () => useKeysetList<AtRiskCustomer>(['lifecycle', 'at-risk'], '/lifecycle/at-risk', {});

export const useLifecycleFunnel = () =>
  useQuery({ queryKey: ['lifecycle', 'funnel'], queryFn: ({ signal }) => api<LifecycleFunnel>('/lifecycle/funnel', { signal }) });

export const useStageHistory = (customerId: string) =>
  useQuery({
    queryKey: ['customers', 'stage-history', customerId],
    queryFn: ({ signal }) => api<{ items: StageChange[] }>(`/customers/${encodeURIComponent(customerId)}/stage-history`, { signal }).then((r) => r.items),
  });
