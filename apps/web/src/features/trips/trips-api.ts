import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Id, Page } from '../../api/types';
import type { MeetingBody, TripBody, TripDetail, TripLeadBody, TripSort, TripSummary, UserRef } from './trip-types';

export const TRIPS_KEY = ['trips'] as const;

export const TRIP_FILTER_KEYS = ['q', 'from', 'to', 'member', 'sort'] as const;
export type TripFilterKey = (typeof TRIP_FILTER_KEYS)[number];

export type TripQuery = Partial<Record<Exclude<TripFilterKey, 'sort'>, string>> & {
  sort?: TripSort;
  page: number;
  pageSize: number;
};

const tripUrl = (id: Id) => `/api/trips/${encodeURIComponent(String(id))}`;
const meetingUrl = (tripId: Id, meetingId: Id) =>
  `${tripUrl(tripId)}/meetings/${encodeURIComponent(String(meetingId))}`;

export const useTrips = (query: TripQuery) =>
  useQuery({
    queryKey: [...TRIPS_KEY, 'list', query],
    queryFn: () => api.get<Page<TripSummary>>('/api/trips', { ...query }),
    placeholderData: keepPreviousData,
  });

export const useTrip = (id: Id) =>
  useQuery({
    queryKey: [...TRIPS_KEY, 'detail', String(id)],
    queryFn: () => api.get<TripDetail>(tripUrl(id)),
  });

/** Who may go on a trip (the tenant's active admins, leaders and investment officers): GET /api/users is admins'. */
export const useMemberOptions = () =>
  useQuery({
    queryKey: [...TRIPS_KEY, 'member-options'],
    queryFn: async () => (await api.get<{ items: UserRef[] }>('/api/trips/member-options')).items,
    staleTime: 5 * 60_000,
  });

/** Every write answers the trip page (a lead: the lead); each refreshes the lists and that page. */
export function useTripMutations() {
  const queryClient = useQueryClient();
  const queryKey = TRIPS_KEY;
  const onSuccess = () => queryClient.invalidateQueries({ queryKey });
  const putPage = (trip: TripDetail) => {
    queryClient.setQueryData([...TRIPS_KEY, 'detail', String(trip.id)], trip);
    return queryClient.invalidateQueries({ queryKey: [...TRIPS_KEY, 'list'] });
  };
  return {
    create: useMutation({ mutationFn: (body: TripBody) => api.post<TripDetail>('/api/trips', body), onSuccess }),
    update: useMutation({
      mutationFn: ({ id, ...patch }: Partial<TripBody> & { id: Id; version: number }) =>
        api.patch<TripDetail>(tripUrl(id), patch),
      onSuccess: putPage,
    }),
    remove: useMutation({
      mutationFn: (id: Id) => api.delete(tripUrl(id)),
      onSuccess: (_data, id) => {
        queryClient.removeQueries({ queryKey: [...TRIPS_KEY, 'detail', String(id)] });
        return queryClient.invalidateQueries({ queryKey: [...TRIPS_KEY, 'list'] });
      },
    }),
    addMeeting: useMutation({
      mutationFn: ({ tripId, ...body }: MeetingBody & { tripId: Id }) =>
        api.post<TripDetail>(`${tripUrl(tripId)}/meetings`, body),
      onSuccess: putPage,
    }),
    updateMeeting: useMutation({
      mutationFn: ({
        tripId,
        meetingId,
        ...patch
      }: Partial<MeetingBody> & { tripId: Id; meetingId: Id; version: number }) =>
        api.patch<TripDetail>(meetingUrl(tripId, meetingId), patch),
      onSuccess: putPage,
    }),
    removeMeeting: useMutation({
      mutationFn: ({ tripId, meetingId }: { tripId: Id; meetingId: Id }) =>
        api.delete<TripDetail>(meetingUrl(tripId, meetingId)),
      onSuccess: putPage,
    }),
    createLead: useMutation({
      mutationFn: ({ tripId, meetingId, ...body }: TripLeadBody & { tripId: Id; meetingId: Id }) =>
        api.post<{ id: Id }>(`${meetingUrl(tripId, meetingId)}/lead`, body),
      // The trip page lists the new lead; the pipeline's own lists show it too.
      onSuccess: () =>
        Promise.all([onSuccess(), queryClient.invalidateQueries({ queryKey: ['leads'] })]).then(() => undefined),
    }),
  };
}
