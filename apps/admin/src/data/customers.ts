import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateCustomer, Customer, CustomerList, OwnerChange, UpdateCustomer } from '@crm/contracts';
import { api, withQuery } from '../api';
import { useKeysetList } from './keyset';
import type { Quadrant, Tier, TierFlag } from '../tier-view';

export type { Customer };
export type { CreateCustomer, UpdateCustomer };

export const CUSTOMER_SORTS = ['name', '-name', 'created', '-created', 'value', '-value'] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

export interface CustomerFilters {
  q?: string;
  type?: Customer['type'];
  ownerId?: string;
  tag?: string;
  tier?: Tier;
  quadrant?: Quadrant;
  tierFlag?: TierFlag;
  needsOwner?: boolean;
  sort?: CustomerSort;
}

const keys = {
  all: ['customers'] as const,
  list: (f: CustomerFilters) => ['customers', 'list', f] as const,
  one: (id: string) => ['customers', 'one', id] as const,
  history: (id: string) => ['customers', 'history', id] as const,
};

export const useCustomerList = (filters: CustomerFilters) => useKeysetList<Customer>(keys.list(filters), '/customers', filters);

/** Whether any customer belongs to a deactivated owner. */
export function useNeedsOwnerExists() {
  return useQuery({
    queryKey: [...keys.all, 'needs-owner'],
    queryFn: ({ signal }) => api<CustomerList>(withQuery('/customers', { needsOwner: true, limit: 1 }), { signal }).then((r) => r.items.length > 0),
  });
}

/** `staleTime` for a customer shown in passing (e.g. the name on a booking row), so scrolling does not refetch it. */
export function useCustomer(id: string | undefined, staleTime?: number) {
  return useQuery({
    queryKey: keys.one(id ?? ''),
    queryFn: ({ signal }) => api<Customer>(`/customers/${encodeURIComponent(id!)}`, { signal }),
    enabled: !!id,
    ...(staleTime === undefined ? {} : { staleTime }),
  });
}

export function useOwnerHistory(id: string) {
  return useQuery({
    queryKey: keys.history(id),
    queryFn: ({ signal }) => api<{ items: OwnerChange[] }>(`/customers/${encodeURIComponent(id)}/owner-history`, { signal }).then((r) => r.items),
  });
}

/** Every customer write: refresh the lists, and keep the detail page in step with the server's answer. */
function useCustomerMutation<V, R>(request: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (result) => {
      if (result && typeof result === 'object' && 'id' in result) queryClient.setQueryData(keys.one(String(result.id)), result);
      // Lists and histories refetch now; other detail pages when next shown (a deleted one would answer 404).
      void queryClient.invalidateQueries({ queryKey: keys.all, refetchType: 'none' });
      return queryClient.invalidateQueries({ queryKey: keys.all, predicate: (q) => q.queryKey[1] !== 'one', refetchType: 'active' });
    },
  });
}

export const useCreateCustomer = () => useCustomerMutation((body: CreateCustomer) => api<Customer>('/customers', { method: 'POST', body }));

export const useUpdateCustomer = (id: string) =>
  useCustomerMutation((body: UpdateCustomer) => api<Customer>(`/customers/${encodeURIComponent(id)}`, { method: 'PATCH', body }));

export const useDeleteCustomer = () => useCustomerMutation((id: string) => api<void>(`/customers/${encodeURIComponent(id)}`, { method: 'DELETE' }));

export const useRestoreCustomer = () => useCustomerMutation((id: string) => api<Customer>(`/customers/${encodeURIComponent(id)}/restore`, { method: 'POST' }));

export const useTransferCustomers = () =>
  useCustomerMutation((body: { fromUserId: string; toUserId: string; reason?: string }) => api<{ moved: number }>('/customers/transfers', { method: 'POST', body }));

/** The .xlsx download of the list as filtered (the session cookie authenticates a plain link; the file streams to disk). */
export const customerExportUrl = (filters: CustomerFilters, lang: string) => '/api/v1' + withQuery('/customers/export.xlsx', { ...filters, lang });
