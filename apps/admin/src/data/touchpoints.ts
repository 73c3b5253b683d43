import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NpsAnswer, NpsAnswerInput, NpsReport, NpsSurvey, TouchpointTask } from '@crm/contracts';
import { api, withQuery } from '../api';
import { useKeysetList } from './keyset';

export type { NpsAnswer, NpsReport, NpsSurvey, TouchpointTask };
export type TaskState = 'open' | 'done';

const TASKS = ['touchpoint-tasks'] as const;
const NPS = ['nps'] as const;

/** Follow-up calls and birthday gifts, soonest due first. */
export function useTouchpointTasks(filters: { state: TaskState; ownerId?: string }) {
  return useKeysetList<TouchpointTask>([...TASKS, filters], '/touchpoints/tasks', filters, false);
}

export function useSetTaskDone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) => api<TouchpointTask>(`/touchpoints/tasks/${id}`, { method: 'PUT', body: { done } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TASKS }),
  });
}

export function useNpsReport(range: { from?: string; to?: string }) {
  return useQuery({
    queryKey: [...NPS, 'report', range],
    queryFn: ({ signal }) => api<NpsReport>(withQuery('/nps/report', range), { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useNpsAnswers() {
  return useKeysetList<NpsAnswer>([...NPS, 'answers'], '/nps/answers', {});
}

/** The customer's survey, by the token of their link; no session. */
export function useSurvey(token: string) {
  return useQuery({ queryKey: ['survey', token], queryFn: ({ signal }) => api<NpsSurvey>(`/nps/surveys/${encodeURIComponent(token)}`, { signal }), retry: false });
}

export function useAnswerSurvey(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: NpsAnswerInput) => api<NpsSurvey>(`/nps/surveys/${encodeURIComponent(token)}/answer`, { method: 'POST', body: answer }),
    onSuccess: (survey) => queryClient.setQueryData(['survey', token], survey),
  });
}
