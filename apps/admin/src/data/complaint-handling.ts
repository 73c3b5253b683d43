import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ComplaintDetail, ComplaintReport, CompensationTotals, EditCompensations, FollowUp, FollowUpAnswer } from '@crm/contracts';
import { api, withQuery } from '../api';
import { useComplaintMutation } from './complaints';
import { useKeysetList } from './keyset';

export type { ComplaintReport, CompensationTotals, FollowUp };

const FOLLOW_UPS_KEY = ['complaint-follow-ups'] as const;

export interface FollowUpFilters {
  status?: FollowUp['status'];
  mine?: 'true';
  due?: 'true';
}

/** Accept, change or add compensations (and the corrective action) of a resolved complaint. */
export const useEditCompensations = (id: string) =>
  useComplaintMutation((body: EditCompensations) => api<ComplaintDetail>(`/complaints/${encodeURIComponent(id)}/compensations`, { method: 'PUT', body }));

/**
 * A complaint's follow-ups, newest first. The complaint's status and last change are in the key, so closing or
 * reopening it (another query's mutation) shows the follow-up it opened or cancelled.
 */
export const useComplaintFollowUps = (c: Pick<ComplaintDetail, 'id' | 'status' | 'updatedAt'>) =>
  useQuery({
    queryKey: [...FOLLOW_UPS_KEY, 'of', c.id, c.status, c.updatedAt],
    queryFn: async ({ signal }): Promise<FollowUp[]> => (await api<{ items: FollowUp[] }>(`/complaints/${encodeURIComponent(c.id)}/follow-ups`, { signal })).items,
    // The same complaint's list stays on screen while it reloads; another complaint's never does.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === c.id ? previous : undefined),
  });

export function useAnswerFollowUp(complaintId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowUpAnswer) => api<FollowUp>(`/complaints/${encodeURIComponent(complaintId)}/follow-up/answer`, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: FOLLOW_UPS_KEY }),
  });
}

/** The follow-ups list, by due time. */
export const useFollowUpList = (filters: FollowUpFilters) => useKeysetList<FollowUp>([...FOLLOW_UPS_KEY, 'list', filters], '/complaints/follow-ups', filters);

/** One customer's compensations by month; never shows another customer's while loading. */
export const useCustomerCompensationTotals = (customerId: string) =>
  useQuery({
    queryKey: ['compensation-totals', customerId],
    queryFn: ({ signal }) => api<CompensationTotals>(withQuery('/complaints/compensation-totals', { customerId }), { signal }),
  });

export const useComplaintReport = (range: { from: string; to: string }) =>
  useQuery({
    queryKey: ['complaint-report', range.from, range.to],
    queryFn: ({ signal }) => api<ComplaintReport>(withQuery('/complaints/report', range), { signal }),
    placeholderData: keepPreviousData,
  });
