import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { versionShown } from '../../app/versions.ts';

export const EXAMPLE_KINDS = ['typical_example', 'good_deed'] as const;
export type ExampleKind = (typeof EXAMPLE_KINDS)[number];
export const EXAMPLE_STAGES = ['discover', 'nurture', 'summarise', 'replicate'] as const;
export type ExampleStage = (typeof EXAMPLE_STAGES)[number];
export type SubjectKind = 'person' | 'collective' | 'citizen';

/** ?don-vi=<unit id> (its subtree), ?loai=<kind>, ?phong-trao=<movement id>, ?nhung=1 (inside a unit portal's iframe). */
export interface BoardSearch { 'don-vi'?: string | undefined; loai?: ExampleKind | undefined; 'phong-trao'?: string | undefined; nhung?: '1' | undefined }

// read by the route before the board's code is loaded
export function validateBoardSearch(search: Record<string, unknown>): BoardSearch {
  const text = (v: unknown) => (typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v) ? v : undefined);
  return {
    'don-vi': text(search['don-vi']), 'phong-trao': text(search['phong-trao']),
    loai: (EXAMPLE_KINDS as readonly unknown[]).includes(search.loai) ? (search.loai as ExampleKind) : undefined,
    nhung: search.nhung === '1' || search.nhung === 1 ? '1' : undefined,
  };
}

/** Who may record and edit (example.write), and publish (example.publish), in the server's policy. */
export const EXAMPLE_WRITERS = ['system_admin', 'standing_officer', 'unit_officer', 'unit_head'] as const;

export interface ExamplesSearch {
  q?: string | undefined; unit?: string | undefined; kind?: ExampleKind | undefined; stage?: ExampleStage | undefined;
  published?: 'true' | 'false' | undefined; page?: number | undefined;
}
export interface ExampleSummary {
  id: string; kind: ExampleKind; title: string; subjectKind: SubjectKind; subjectName: string; unit: { id: string; name: string };
  stage: ExampleStage; publishedAt: string | null; createdAt: string;
}
export interface ExamplePhoto { id: string; caption: string; contentType: string; size: number; name: string }
export interface ExampleDetail {
  id: string; kind: ExampleKind; title: string; story: string;
  subject: { kind: SubjectKind; personId: string | null; organisationId: string | null; name: string; detail: string };
  unit: { id: string; name: string }; movement: { id: string; name: string } | null; stage: ExampleStage;
  nextStages: { stage: ExampleStage; noteRequired: boolean }[];
  publishedAt: string | null; createdAt: string; updatedAt: string; canWrite: boolean; canPublish: boolean;
  photos: ExamplePhoto[];
  history: { from: ExampleStage | null; to: ExampleStage; note: string; actorName: string | null; at: string }[];
}
export type SubjectInput =
  | { kind: 'person'; personId: string; detail?: string }
  | { kind: 'collective'; organisationId: string; detail?: string }
  | { kind: 'citizen'; name: string; detail?: string };
export interface ExampleInput { kind: ExampleKind; subject: SubjectInput; title: string; story: string; movementId?: string | null }

export interface BoardCard {
  id: string; kind: ExampleKind; title: string; subjectName: string; subjectDetail: string; unit: { id: string; name: string };
  movementName: string | null; excerpt: string; coverPhotoId: string | null; publishedOn: string;
}
export interface BoardPage { unit: { id: string; name: string } | null; items: BoardCard[]; nextCursor: string | null }
export interface BoardDetail extends Omit<BoardCard, 'excerpt' | 'coverPhotoId'> { story: string; photos: { id: string; caption: string }[] }

export const PAGE_SIZE = 20;
const enc = encodeURIComponent;
export const staffPhotoUrl = (exampleId: string, photoId: string) => `/api/examples/${enc(exampleId)}/photos/${enc(photoId)}`;
export const publicPhotoUrl = (exampleId: string, photoId: string) => `/api/public/honour-board/${enc(exampleId)}/photos/${enc(photoId)}`;

export const useExamples = (s: ExamplesSearch) => useQuery({
  queryKey: ['examples', 'list', s],
  queryFn: () => api.get<{ items: ExampleSummary[]; total: number }>('/api/examples', {
    q: s.q, unitId: s.unit, kind: s.kind, stage: s.stage, published: s.published, page: s.page, pageSize: PAGE_SIZE,
  }),
  placeholderData: keepPreviousData,
});

export const useExample = (id: string) =>
  useQuery({ queryKey: ['examples', id], queryFn: () => api.get<ExampleDetail>(`/api/examples/${enc(id)}`) });

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['examples'] });
}

export function useCreateExample() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ExampleInput & { organisationId: string }) => api.post<{ id: string }>('/api/examples', body),
    onSuccess: invalidate,
  });
}

export function useUpdateExample(id: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: Partial<ExampleInput>) => api.patch<void>(`/api/examples/${enc(id)}`, { version: versionShown(queryClient, ['examples', id]), ...body }),
    onSuccess: invalidate,
  });
}

export function useChangeStage(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { stage: ExampleStage; note?: string }) => api.post<void>(`/api/examples/${enc(id)}/stage`, body),
    onSuccess: invalidate,
  });
}

export function useSetPublished(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (published: boolean) => api.post<void>(`/api/examples/${enc(id)}/${published ? 'publish' : 'unpublish'}`),
    onSuccess: invalidate,
  });
}

export function useRemovePhoto(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (photoId: string) => api.delete(`/api/examples/${enc(id)}/photos/${enc(photoId)}`), onSuccess: invalidate });
}

/** The picture as the raw request body (the server checks its bytes). */
function uploadPhoto({ id, file, caption }: { id: string; file: File; caption: string }): Promise<{ id: string }> {
  const query = caption.trim() ? `?caption=${enc(caption.trim())}` : '';
  return api.upload<{ id: string }>(`/api/examples/${enc(id)}/photos${query}`, file);
}

export function useUploadPhoto(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { file: File; caption: string }) => uploadPhoto({ id, ...input }),
    onSuccess: invalidate,
  });
}

// ——— the public honour board ———

export interface BoardFilter { unitId?: string | undefined; kind?: ExampleKind | undefined; movementId?: string | undefined }

export const useHonourBoard = (f: BoardFilter) => useInfiniteQuery({
  queryKey: ['honour-board', f],
  queryFn: ({ pageParam }) => api.get<BoardPage>('/api/public/honour-board', { ...f, cursor: pageParam }),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last) => last.nextCursor ?? undefined,
});

export const useHonourDetail = (id: string) =>
  useQuery({ queryKey: ['honour-board', 'detail', id], queryFn: () => api.get<BoardDetail>(`/api/public/honour-board/${enc(id)}`) });
