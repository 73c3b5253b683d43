import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Campaign, CampaignChange, CampaignInput, CampaignList, CampaignResults, CustomerMessage, GroupFigures } from '@crm/contracts';
import { api } from '../api';
import { useKeysetList } from './keyset';

export type { Campaign, CampaignInput, CampaignResults, CustomerMessage, GroupFigures };
export const CAMPAIGN_CHANNELS: Campaign['channels'] = ['sms', 'email'];

const KEY = ['campaigns'] as const;

export const useCampaigns = () => useQuery({ queryKey: KEY, queryFn: ({ signal }) => api<CampaignList>('/campaigns', { signal }).then((r) => r.items) });

export const useCampaignResults = (id: string) =>
  useQuery({ queryKey: [...KEY, id, 'results'], queryFn: ({ signal }) => api<CampaignResults>(`/campaigns/${id}/results`, { signal }), retry: false });

/** Create (no id) or change a campaign; the list and its page refresh. */
export function useSaveCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CampaignInput | CampaignChange }) =>
      api<Campaign>(id ? `/campaigns/${id}` : '/campaigns', { method: id ? 'PATCH' : 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

export function useDeleteCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/campaigns/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** Messages to customers (campaigns and touch-points), newest first: of one customer or one campaign. */
export const useCustomerMessages = (filters: { customerId?: string; campaignId?: string }) =>
  useKeysetList<CustomerMessage>(['customer-messages', filters], '/messages', filters, false);
