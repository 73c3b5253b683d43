import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notification, NotificationList } from '@crm/contracts';
import { api, withQuery } from '../api';

export type { Notification };

const KEY = ['notifications'] as const;
const POLL_MS = 60_000;
const SHOWN = 30;

/** The latest notifications and the unread count, polled every minute. */
export function useNotifications() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => api<NotificationList>(withQuery('/notifications', { limit: SHOWN }), { signal }),
    refetchInterval: POLL_MS,
  });
}

/** Marks these notifications read, or all of them without ids. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ids?: string[]) => api<{ marked: number }>('/notifications/read', { method: 'POST', body: ids ? { ids } : {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
