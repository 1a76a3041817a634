import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id } from '../../api/types';

export const CHAIN_SEGMENTS = ['upstream', 'midstream', 'downstream'] as const;
export type ChainSegment = (typeof CHAIN_SEGMENTS)[number];

/** One node of the office's industry chain, as GET /api/chain-nodes lists it (flat; nest by parentId). */
export interface ChainNodeRecord {
  id: Id;
  parentId: Id | null;
  code: string;
  nameZh: string;
  nameEn: string;
  segment: ChainSegment;
  industryCodes: string[];
  keywords: string[];
  sort: number;
  version: number;
}

export const CHAIN_NODES_KEY = ['chain-nodes'] as const;

export const useChainNodes = () =>
  useQuery({
    queryKey: CHAIN_NODES_KEY,
    queryFn: async () => (await api.get<{ items: ChainNodeRecord[] }>('/api/chain-nodes')).items,
    // The chain changes rarely; filters and forms on many screens share one fetch.
    staleTime: 5 * 60_000,
  });

export interface ChainNodeInput {
  code: string;
  nameZh: string;
  nameEn: string;
  segment: ChainSegment;
  parentId?: Id | null;
  industryCodes?: string[];
  keywords?: string[];
  sort?: number;
}

export type ChainNodePatch = Partial<Omit<ChainNodeInput, 'code'>> & { id: Id; version: number };

/** Create, update and delete (admin only); each refreshes the tree. */
export function useChainNodeMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: CHAIN_NODES_KEY });
  return {
    create: useMutation({
      mutationFn: (input: ChainNodeInput) => api.post<ChainNodeRecord>('/api/chain-nodes', input),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, ...patch }: ChainNodePatch) => api.patch<ChainNodeRecord>(`/api/chain-nodes/${id}`, patch),
      onSuccess,
    }),
    remove: useMutation({
      mutationFn: (id: Id) => api.delete(`/api/chain-nodes/${id}`),
      onSuccess,
    }),
  };
}
