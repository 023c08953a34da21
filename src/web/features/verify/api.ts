import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api.ts';
import { useInvalidateRecords } from '../records/api.ts';

/** What the public page learns about a code: only what the printed certificate shows. */
export interface Verification {
  status: 'valid' | 'revoked' | 'not_found';
  award?: {
    recipientName: string; unitName: string; awardFormName: string; year: number;
    decisionNumber: string; decidedOn: string | null; decidedBy: string; revokedOn?: string; revocationNumber?: string;
  };
}

/** Crockford base32: what people type is forgiven the way the server forgives it (case, spaces, dashes, O/I/L). */
export function tidyCode(input: string): string {
  const compact = input.toUpperCase().replace(/[\s\-–—._]/gu, '').replace(/O/gu, '0').replace(/[IL]/gu, '1');
  return compact.length === 12 ? compact.match(/.{4}/gu)!.join('-') : compact;
}

export function useVerification(code: string) {
  return useQuery({
    queryKey: ['verify', code],
    queryFn: () => api.get<Verification>(`/api/public/verify/${encodeURIComponent(code)}`),
    staleTime: 60_000,
  });
}

export interface RevocationBody { decisionNumber: string; decidedOn: string; decidedBy: string; reason: string }
export interface Revocation extends RevocationBody { id: string; awardId: string; amountToRecover: number | null; amountSource: 'recorded' | 'computed' | null }

export function useRevokeAward(awardId: string) {
  const invalidate = useInvalidateRecords();
  return useMutation({
    mutationFn: (body: RevocationBody) => api.post<Revocation>(`/api/awards/${encodeURIComponent(awardId)}/revocation`, body),
    onSuccess: invalidate,
  });
}

export const certificateUrl = (awardId: string) => `/api/awards/${encodeURIComponent(awardId)}/certificate.pdf`;
