import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateVisitPlan, CustomerVisitCompliance, ExecutiveDue, Interaction, InteractionInput, ManagerVisitCompliance, UnplannedVisit, UpdateVisitPlan,
  Visit, VisitCalendar, VisitCalendarFeed, VisitComplianceRow, VisitConflict, VisitDay, VisitDayStop, VisitDetail, VisitPlan,
  VisitProblemComplaintResult, VisitRecord, VisitRecordInput, VisitTask,
} from '@crm/contracts';
import { api, withQuery } from '../api';
import { useKeysetList } from './keyset';

export type {
  CustomerVisitCompliance, Interaction, ManagerVisitCompliance, Visit, VisitCalendar, VisitComplianceRow, VisitConflict, VisitDay, VisitDayStop, VisitDetail,
  VisitPlan, VisitRecord, VisitRecordInput, VisitTask,
};

/** Every visits query starts with this key, so one write refreshes what it may have changed. */
const VISITS_KEY = ['visits'] as const;
const keys = {
  calendar: (q: object) => [...VISITS_KEY, 'calendar', q] as const,
  day: (q: object) => [...VISITS_KEY, 'day', q] as const,
  one: (id: string) => [...VISITS_KEY, 'one', id] as const,
  plans: (q: object) => [...VISITS_KEY, 'plans', q] as const,
  customer: (id: string, what: string) => [...VISITS_KEY, 'customer', id, what] as const,
  compliance: (what: string, q: object) => [...VISITS_KEY, 'compliance', what, q] as const,
  tasks: [...VISITS_KEY, 'tasks'] as const,
  // Outside VISITS_KEY: the feed's URL is shown only in the answer that made it, and a refetch would drop it.
  feed: ['visit-feed'] as const,
};

const get = <T>(path: string) => ({ signal }: { signal: AbortSignal }) => api<T>(path, { signal });

export const useVisitCalendar = (q: { from: string; to: string; managerId?: string }) =>
  useQuery({ queryKey: keys.calendar(q), queryFn: get<VisitCalendar>(withQuery('/visits', q)) });

export const useVisitDay = (q: { date: string; managerId?: string }) => useQuery({ queryKey: keys.day(q), queryFn: get<VisitDay>(withQuery('/visits/day', q)) });

export const useVisit = (id: string) => useQuery({ queryKey: keys.one(id), queryFn: get<VisitDetail>(`/visits/${encodeURIComponent(id)}`) });

export const useVisitPlans = (q: { customerId?: string; managerId?: string; active?: 'true' }) =>
  useQuery({ queryKey: keys.plans(q), queryFn: get<{ items: VisitPlan[] }>(withQuery('/visit-plans', q)), select: (r) => r.items });

export const useCustomerVisits = (customerId: string) =>
  useQuery({ queryKey: keys.customer(customerId, 'visits'), queryFn: get<{ items: VisitDetail[] }>(`/customers/${customerId}/visits`), select: (r) => r.items });

export const useCustomerCompliance = (customerId: string) =>
  useQuery({ queryKey: keys.customer(customerId, 'compliance'), queryFn: get<CustomerVisitCompliance>(`/customers/${customerId}/visit-compliance`) });

export const useInteractions = (customerId: string) =>
  useQuery({ queryKey: keys.customer(customerId, 'interactions'), queryFn: get<{ items: Interaction[] }>(`/customers/${customerId}/interactions`), select: (r) => r.items });

export const useManagerCompliance = (q: { month: string }) =>
  useQuery({ queryKey: keys.compliance('managers', q), queryFn: get<{ month: string; items: ManagerVisitCompliance[] }>(withQuery('/visit-compliance/managers', q)) });

export const useComplianceList = (q: { overdue?: 'true'; ownerId?: string; tier?: string }) =>
  useKeysetList<VisitComplianceRow>(keys.compliance('customers', q), '/visit-compliance/customers', q);

export const useExecutiveDue = (enabled: boolean) =>
  useQuery({ queryKey: keys.compliance('executive', {}), queryFn: get<ExecutiveDue>('/visit-compliance/executive-due'), enabled });

export const useMyTasks = () => useQuery({ queryKey: keys.tasks, queryFn: get<{ items: VisitTask[] }>('/visit-tasks'), select: (r) => r.items });

export const useCalendarFeed = () => useQuery({ queryKey: keys.feed, queryFn: get<VisitCalendarFeed>('/visits/calendar-feed') });

/** A visits write: every visits query is refreshed afterwards (a move changes the calendar, the day and the compliance). */
function useVisitsMutation<V, R>(request: (vars: V) => Promise<R>, alsoRefresh: readonly string[] = []) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => Promise.all([VISITS_KEY[0], ...alsoRefresh].map((key) => queryClient.invalidateQueries({ queryKey: [key] }))),
  });
}

const visitPath = (id: string, rest = '') => `/visits/${encodeURIComponent(id)}${rest}`;

export const useCreatePlan = () => useVisitsMutation((body: CreateVisitPlan) => api<VisitPlan>('/visit-plans', { method: 'POST', body }));
export const useUpdatePlan = () =>
  useVisitsMutation(({ id, body }: { id: string; body: UpdateVisitPlan }) => api<VisitPlan>(`/visit-plans/${id}`, { method: 'PATCH', body }));
export const useEndPlan = () => useVisitsMutation((id: string) => api<VisitPlan>(`/visit-plans/${id}/end`, { method: 'POST', body: {} }));
export const useMoveVisit = () =>
  useVisitsMutation(({ id, startsAt, durationMinutes }: { id: string; startsAt: string; durationMinutes?: number }) =>
    api<VisitDetail>(visitPath(id), { method: 'PATCH', body: { startsAt, durationMinutes } }),
  );
export const useVisitStatus = () =>
  useVisitsMutation(({ id, action, reason }: { id: string; action: 'cancel' | 'missed'; reason: string }) =>
    api<VisitDetail>(visitPath(id, `/${action}`), { method: 'POST', body: { reason } }),
  );
export const useSaveRecord = (id: string) => useVisitsMutation((body: VisitRecordInput) => api<VisitDetail>(visitPath(id, '/record'), { method: 'PUT', body }));
export const useCreateUnplanned = () => useVisitsMutation((body: UnplannedVisit) => api<VisitDetail>('/visits', { method: 'POST', body }));
export const useProblemToComplaint = (id: string) =>
  useVisitsMutation(({ index, category, severity }: { index: number; category: string; severity: string }) =>
    api<VisitProblemComplaintResult>(visitPath(id, `/problems/${index}/complaint`), { method: 'POST', body: { category, severity } }),
  ['complaints'],
  );
export const useTaskDone = () => useVisitsMutation(({ id, done }: { id: string; done: boolean }) => api<VisitTask>(`/visit-tasks/${id}`, { method: 'PUT', body: { done } }));
export const useLogInteraction = (customerId: string) =>
  useVisitsMutation((body: InteractionInput) => api<Interaction>(`/customers/${customerId}/interactions`, { method: 'POST', body }));
export const useRotateFeed = () => {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: () => api<VisitCalendarFeed>('/visits/calendar-feed', { method: 'POST' }), onSuccess: (f) => queryClient.setQueryData(keys.feed, f) });
};

export const useHolidays = (q: { from: string; to: string }) =>
  useQuery({ queryKey: [...VISITS_KEY, 'holidays', q], queryFn: get<{ items: { date: string; name: string }[] }>(withQuery('/visit-holidays', q)), select: (r) => r.items });
export const useSetHoliday = () => useVisitsMutation(({ date, name }: { date: string; name: string }) => api(`/visit-holidays/${date}`, { method: 'PUT', body: { name } }));
export const useDeleteHoliday = () => useVisitsMutation((date: string) => api<void>(`/visit-holidays/${date}`, { method: 'DELETE' }));
