import type { Role } from '@kaimen/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Id, Page, User } from '../../../api/types';

export const USERS_KEY = ['users'] as const;

export interface UserQuery {
  q?: string;
  role?: string;
  departmentId?: string;
  disabled?: string;
  sort?: string;
  page: number;
  pageSize: number;
}

export const useUsers = (query: UserQuery) =>
  useQuery({
    queryKey: [...USERS_KEY, query],
    queryFn: () => api.get<Page<User>>('/api/users', { ...query }),
    placeholderData: keepPreviousData,
  });

export interface CreateUserInput {
  username: string;
  displayName: string;
  role: Role;
  departmentId?: Id | null;
  departmentHead?: boolean;
  enterpriseId?: Id | null;
  password: string;
}

export interface UpdateUserInput {
  id: Id;
  version: number;
  displayName?: string;
  role?: Role;
  departmentId?: Id | null;
  departmentHead?: boolean;
  enterpriseId?: Id | null;
}

export type UserAction = 'disable' | 'enable' | 'unlock';

/** Every user write; each refreshes the user list. */
export function useUserMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: USERS_KEY });
  return {
    create: useMutation({
      mutationFn: (input: CreateUserInput) => api.post<User>('/api/users', input),
      onSuccess,
    }),
    update: useMutation({
      mutationFn: ({ id, ...patch }: UpdateUserInput) => api.patch<User>(`/api/users/${id}`, patch),
      onSuccess,
    }),
    act: useMutation({
      mutationFn: ({ id, action }: { id: Id; action: UserAction }) => api.post<User>(`/api/users/${id}/${action}`),
      onSuccess,
    }),
    resetPassword: useMutation({
      mutationFn: ({ id, password }: { id: Id; password: string }) =>
        api.post<void>(`/api/users/${id}/reset-password`, { password }),
    }),
  };
}

export const isLocked = (user: User): boolean =>
  user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
