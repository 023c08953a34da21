import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { versionShown } from '../../app/versions.ts';
import type { Cluster, Council, NewOrganisation, Org, OrganisationChanges, OrgDetail, OrgMember } from './types.ts';

const base = '/api/organisations';

export function useOrgTree(asOf: string, includeEnded = false) {
  return useQuery({
    queryKey: ['organisations', 'tree', asOf, includeEnded],
    queryFn: () => api.get<{ items: Org[] }>(`${base}/tree`, { asOf, includeEnded }),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

export function useOrganisation(id: string) {
  return useQuery({
    queryKey: ['organisations', 'detail', id],
    queryFn: () => api.get<OrgDetail>(`${base}/${encodeURIComponent(id)}`),
  });
}

export function useOrgMembers(id: string, asOf: string) {
  return useQuery({
    queryKey: ['organisations', 'members', id, asOf],
    queryFn: () => api.get<{ items: OrgMember[] }>(`${base}/${encodeURIComponent(id)}/members`, { asOf }),
    select: (data) => data.items,
  });
}

export function useOrgCouncil(id: string) {
  return useQuery({
    queryKey: ['organisations', 'council', id],
    queryFn: () => api.get<{ council: Council | null }>(`${base}/${encodeURIComponent(id)}/council`),
    select: (data) => data.council,
  });
}

export function useOrgClusters(id: string, year: number) {
  return useQuery({
    queryKey: ['organisations', 'clusters', id, year],
    queryFn: () => api.get<{ items: Cluster[] }>(`${base}/${encodeURIComponent(id)}/clusters`, { year }),
    select: (data) => data.items,
  });
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewOrganisation) => api.post<Org>(base, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organisations'] }),
  });
}

export function useUpdateOrganisation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OrganisationChanges) =>
      api.patch<Org>(`${base}/${encodeURIComponent(id)}`, { version: versionShown(queryClient, ['organisations', 'detail', id]), ...body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organisations'] }),
  });
}
