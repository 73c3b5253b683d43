import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginResult, SessionUser } from '@crm/contracts';
import { api, isProblem } from '../api';

export const SESSION_KEY = ['session'] as const;

/** The signed-in user, or null when there is no session (401). */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async ({ signal }): Promise<SessionUser | null> => {
      try {
        return await api<SessionUser>('/auth/me', { signal });
      } catch (err) {
        if (isProblem(err, 401)) return null;
        throw err;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

/** The session user inside the authenticated part of the app (guarded by RequireAuth). */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser outside RequireAuth');
  return data;
}

export const canManageCustomers = (user: SessionUser) => user.role === 'admin' || user.role === 'manager';

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api<LoginResult>('/auth/login', { method: 'POST', body }),
    onSuccess: ({ user }) => {
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, user);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}
