import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@crm/contracts';
import { api } from '../api';

type S = components['schemas'];
export type ApiKey = S['ApiKeyDto'];
export type CreatedApiKey = S['CreatedApiKeyDto'];
export type CreateApiKey = S['CreateApiKeyDto'];
export type Scope = ApiKey['scopes'][number];

export const SCOPES: Scope[] = ['bookings:write', 'customers:read', 'complaints:write'];
export type ApiKeyStatus = 'active' | 'expired' | 'revoked';

/** What the server will do with the key now: revoked and expired keys get 401. */
export function apiKeyStatus(key: Pick<ApiKey, 'revokedAt' | 'expiresAt'>, now = Date.now()): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  return key.expiresAt && Date.parse(key.expiresAt) <= now ? 'expired' : 'active';
}

const API_KEYS_KEY = ['api-keys'] as const;

/** Every key, revoked ones included (admins create them by hand: a short list, one request). */
export function useApiKeys() {
  return useQuery({
    queryKey: API_KEYS_KEY,
    queryFn: ({ signal }) => api<{ items: ApiKey[] }>('/api-keys', { signal }).then((r) => r.items),
  });
}

/** The answer carries the secret: it lives only in this mutation's result, never in the query cache. */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKey) => api<CreatedApiKey>('/api-keys', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: API_KEYS_KEY }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: API_KEYS_KEY }),
  });
}
