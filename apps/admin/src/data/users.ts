import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components, User } from '@crm/contracts';
import { api } from '../api';

export type Role = User['role'];
export const ROLES: Role[] = ['admin', 'manager', 'account_manager', 'agent'];
/** Roles that can own customers. */
export const OWNER_ROLES: Role[] = ['account_manager', 'manager', 'admin'];

type CreateUser = components['schemas']['CreateUserDto'];
type UpdateUser = components['schemas']['UpdateUserDto'];

const USERS_KEY = ['users'] as const;

/** All staff (a small list: one request, cached). */
export function useUsers() {
  return useQuery({
    queryKey: USERS_KEY,
    queryFn: ({ signal }) => api<{ items: User[] }>('/users', { signal }).then((r) => r.items),
    staleTime: 60_000,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUser) => api<User>('/users', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUser & { id: string }) => api<User>(`/users/${id}`, { method: 'PATCH', body }),
    onSuccess: () => {
      // Deactivating someone changes which customers need a new owner.
      queryClient.invalidateQueries({ queryKey: USERS_KEY });
      queryClient.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}
