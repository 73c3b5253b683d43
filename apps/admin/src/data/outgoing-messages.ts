import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OutgoingMessage, OutgoingMessageList } from '@crm/contracts';
import { api } from '../api';
import { useKeysetList } from './keyset';

export type { OutgoingMessage };
export type MessageStatus = OutgoingMessage['status'];
export type MessageChannel = OutgoingMessage['channel'];
export const MESSAGE_STATUSES: MessageStatus[] = ['pending', 'sent', 'failed'];
export const MESSAGE_CHANNELS: MessageChannel[] = ['email', 'sms'];
export interface MessageFilters {
  status?: MessageStatus;
  channel?: MessageChannel;
}

const KEY = ['outgoing-messages'] as const;

/** Newest first, a page at a time; the previous result stays on screen while a new filter loads. */
export function useOutgoingMessages(filters: MessageFilters) {
  const list = useKeysetList<OutgoingMessage>([...KEY, filters], '/outgoing-messages', filters);
  // Every page says how the channels are delivered; the first one is enough.
  const delivery = (list.data?.pages[0] as OutgoingMessageList | undefined)?.delivery;
  return { list, delivery };
}

export function useRetryMessage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<OutgoingMessage>(`/outgoing-messages/${id}/retry`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}
