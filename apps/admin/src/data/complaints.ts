import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Complaint, ComplaintDetail, ComplaintIncidentReport, ComplaintStepInput, CreateComplaint, ResolveComplaint } from '@crm/contracts';
import { api } from '../api';
import type { ComplaintFilters } from '../complaint-view';
import { useKeysetList } from './keyset';

export type { Complaint, ComplaintDetail, ComplaintIncidentReport, CreateComplaint, ResolveComplaint };

const COMPLAINTS_KEY = ['complaints'] as const;
const keys = {
  list: (f: ComplaintFilters) => [...COMPLAINTS_KEY, 'list', f] as const,
  one: (id: string) => [...COMPLAINTS_KEY, 'one', id] as const,
};

/** The queue: by priority, then the nearest deadline. */
export const useComplaintList = (filters: ComplaintFilters) => useKeysetList<Complaint>(keys.list(filters), '/complaints', filters);

/** One customer's complaints; never shows another customer's while loading. */
export const useCustomerComplaints = (customerId: string) => useKeysetList<Complaint>(keys.list({ customerId }), '/complaints', { customerId }, false);

export function useComplaint(id: string) {
  return useQuery({
    queryKey: keys.one(id),
    queryFn: ({ signal }) => api<ComplaintDetail>(`/complaints/${encodeURIComponent(id)}`, { signal }),
  });
}

/** Every complaint write: the answer is the complaint as it now stands; lists are refreshed. */
export function useComplaintMutation<V>(request: (vars: V) => Promise<ComplaintDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (c) => {
      queryClient.setQueryData(keys.one(c.id), c);
      void queryClient.invalidateQueries({ queryKey: [...COMPLAINTS_KEY, 'list'] });
    },
  });
}

const path = (id: string, rest = '') => `/complaints/${encodeURIComponent(id)}${rest}`;

export const useCreateComplaint = () => useComplaintMutation((body: CreateComplaint) => api<ComplaintDetail>('/complaints', { method: 'POST', body }));
export const useComplaintStep = (id: string) => useComplaintMutation((body: ComplaintStepInput) => api<ComplaintDetail>(path(id, '/events'), { method: 'POST', body }));
export const useResolveComplaint = (id: string) => useComplaintMutation((body: ResolveComplaint) => api<ComplaintDetail>(path(id, '/resolve'), { method: 'POST', body }));
export const useAssignComplaint = (id: string) => useComplaintMutation((ownerId: string) => api<ComplaintDetail>(path(id, '/owner'), { method: 'PUT', body: { ownerId } }));
export const useIncidentReport = (id: string) =>
  useComplaintMutation((body: ComplaintIncidentReport) => api<ComplaintDetail>(path(id, '/incident-report'), { method: 'PUT', body }));
