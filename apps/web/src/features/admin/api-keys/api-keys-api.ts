import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';

export interface ApiKey {
  id: string;
  name: string;
  keyPrefix: string;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The answer to issuing a key: the only time the key itself comes back. */
export interface IssuedApiKey extends ApiKey {
  key: string;
}

export const API_KEYS_KEY = ['api-keys'] as const;

export const useApiKeys = () =>
  useQuery({
    queryKey: API_KEYS_KEY,
    queryFn: async () => (await api.get<{ items: ApiKey[] }>('/api/api-keys')).items,
  });

/** Issue and revoke; each refreshes the list. */
export function useApiKeyMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: API_KEYS_KEY });
  return {
    issue: useMutation({
      mutationFn: (input: { name: string }) => api.post<IssuedApiKey>('/api/api-keys', input),
      onSuccess,
    }),
    revoke: useMutation({
      mutationFn: (id: string) => api.delete(`/api/api-keys/${encodeURIComponent(id)}`),
      onSuccess,
    }),
  };
}
