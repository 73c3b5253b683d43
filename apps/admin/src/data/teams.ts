import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components, Team } from '@crm/contracts';
import { api } from '../api';

export type { Team };
type CreateTeam = components['schemas']['CreateTeamDto'];
type UpdateTeam = components['schemas']['UpdateTeamDto'];

const TEAMS_KEY = ['teams'] as const;

/** Every team (a small list: one request, cached). */
export function useTeams() {
  return useQuery({
    queryKey: TEAMS_KEY,
    queryFn: ({ signal }) => api<{ items: Team[] }>('/teams', { signal }).then((r) => r.items),
    staleTime: 60_000,
  });
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTeam) => api<Team>('/teams', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TEAMS_KEY }),
  });
}

export function useUpdateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateTeam & { id: string }) => api<Team>(`/teams/${id}`, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TEAMS_KEY }),
  });
}
