import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OwnerRule } from '@crm/contracts';
import { api } from '../api';

export type { OwnerRule };

const OWNER_RULE_KEY = ['settings', 'new-customer-owner'] as const;

/** Who owns the customers that booking systems create. */
export function useOwnerRule() {
  return useQuery({
    queryKey: OWNER_RULE_KEY,
    queryFn: ({ signal }) => api<OwnerRule>('/settings/new-customer-owner', { signal }),
  });
}

export function useSetOwnerRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OwnerRule) => api<OwnerRule>('/settings/new-customer-owner', { method: 'PUT', body }),
    onSuccess: (rule) => queryClient.setQueryData(OWNER_RULE_KEY, rule),
  });
}
