import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { versionShown } from '../../app/versions.ts';
import { PAGE_SIZE, type NewEmployment, type NewPerson, type PeoplePage, type PeopleSearch, type Person, type PersonInput } from './types.ts';

const base = '/api/people';

export function usePeople(search: PeopleSearch) {
  return useQuery({
    queryKey: ['people', 'list', search],
    queryFn: () =>
      api.get<PeoplePage>(base, {
        q: search.q,
        organisationId: search.org,
        gender: search.gender,
        leader: search.leader,
        page: search.page ?? 1,
        pageSize: PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: ['people', 'detail', id],
    queryFn: () => api.get<Person>(`${base}/${encodeURIComponent(id)}`),
  });
}


export function useUpdatePerson(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<PersonInput>) =>
      api.patch<Person>(`${base}/${encodeURIComponent(id)}`, { version: versionShown(queryClient, ['people', 'detail', id]), ...body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['people'] }),
  });
}

function useInvalidatePersonAndOrgs() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['people'] }),
      queryClient.invalidateQueries({ queryKey: ['organisations', 'members'] }),
    ]);
}

export function useCreatePerson() {
  const invalidate = useInvalidatePersonAndOrgs();
  return useMutation({ mutationFn: (body: NewPerson) => api.post<Person>(base, body), onSuccess: invalidate });
}

export function useAddEmployment(personId: string) {
  const invalidate = useInvalidatePersonAndOrgs();
  return useMutation({
    mutationFn: (body: NewEmployment) => api.post<unknown>(`${base}/${encodeURIComponent(personId)}/employments`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteEmployment(personId: string) {
  const invalidate = useInvalidatePersonAndOrgs();
  return useMutation({
    mutationFn: (employmentId: string) =>
      api.delete(`${base}/${encodeURIComponent(personId)}/employments/${encodeURIComponent(employmentId)}`),
    onSuccess: invalidate,
  });
}
