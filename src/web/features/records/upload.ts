import { uploadSpreadsheet, type ServerProgress } from '../imports/upload.ts';
import type { RecordKind } from './types.ts';

export interface ImportResult {
  kind: RecordKind;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  dryRun: boolean;
}

/** Sends a records file (the kind, a dry run or not) through the shared upload. */
export function uploadImport(
  { kind, file, dryRun, csrfToken }: { kind: RecordKind; file: File; dryRun: boolean; csrfToken: string },
  onProgress: (fraction: number) => void,
  onServerProgress?: (progress: ServerProgress) => void,
): Promise<ImportResult> {
  const query = new URLSearchParams({ kind, dryRun: String(dryRun), fileName: file.name });
  return uploadSpreadsheet<ImportResult>({ url: `/api/records/import?${query}`, file, csrfToken }, onProgress, onServerProgress);
}
