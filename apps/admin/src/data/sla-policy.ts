import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SaveSlaPolicy, SlaPolicy } from '@crm/contracts';
import { api } from '../api';

export type { SaveSlaPolicy, SlaPolicy };

const keys = {
  policy: ['sla-policy'] as const,
  versions: ['sla-policy', 'versions'] as const,
};
const PATH = '/complaints/sla-policy';

export const useSlaPolicy = () => useQuery({ queryKey: keys.policy, queryFn: ({ signal }) => api<SlaPolicy>(PATH, { signal }) });

export const useSlaPolicyVersions = () =>
  useQuery({ queryKey: keys.versions, queryFn: ({ signal }) => api<{ items: SlaPolicy[] }>(`${PATH}/versions`, { signal }).then((r) => r.items) });

export function useSaveSlaPolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveSlaPolicy) => api<SlaPolicy>(PATH, { method: 'PUT', body }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.policy, saved);
      return queryClient.invalidateQueries({ queryKey: keys.versions });
    },
  });
}
