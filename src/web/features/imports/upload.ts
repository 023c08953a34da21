import { ApiError } from '../../app/api.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { appTexts } from '../../app/text.ts';

/** One problem of an import file, as the server's 422 import.invalid_rows lists it. */
export interface RowError { row: number; column: string; message: string }

const PROGRESS_TYPE = 'application/x-ndjson';

/** What the server has done with the file so far: rows read, checked, written (in its transaction). */
export interface ServerProgress { read: number; validated: number; written: number }
interface StreamLine<T> { progress?: ServerProgress; result?: T; status?: number; error?: { code?: string; message?: string; details?: unknown } }

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function contentType(file: File): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return XLSX_TYPE;
  if (name.endsWith('.csv')) return 'text/csv';
  return file.type || 'application/octet-stream';
}

/**
 * Sends the file as the raw request body of any import route (records, onboarding, history) with
 * XMLHttpRequest, not fetch: only XHR reports upload progress. The answer, or the same ApiError the
 * rest of the app shows.
 */
export function uploadSpreadsheet<T>({ url, file, csrfToken }: { url: string; file: File; csrfToken: string }, onProgress: (fraction: number) => void,
  onServerProgress?: (progress: ServerProgress) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', contentType(file));
    // a route that reports its progress answers lines of JSON (records import): { progress } …, then { result } or { status, error }
    xhr.setRequestHeader('Accept', onServerProgress ? `${PROGRESS_TYPE}, application/json` : 'application/json');
    let seen = 0;
    const lines = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n');
      if (end < seen) return [];
      const fresh = text.slice(seen, end).split('\n').filter(Boolean).map((l) => JSON.parse(l) as StreamLine<T>);
      seen = end + 1;
      return fresh;
    };
    let last: StreamLine<T> | null = null;
    xhr.onprogress = () => {
      if (!onServerProgress || !xhr.getResponseHeader('content-type')?.startsWith(PROGRESS_TYPE)) return;
      for (const line of lines()) {
        if (line.progress) onServerProgress(line.progress);
        else last = line;
      }
    };
    xhr.setRequestHeader('Accept-Language', currentLanguage());
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onerror = () => reject(new ApiError(0, 'network', appTexts.t('errors.network')));
    xhr.onload = () => {
      if (xhr.status === 200 && xhr.getResponseHeader('content-type')?.startsWith(PROGRESS_TYPE)) {
        for (const line of lines()) {
          if (line.progress) onServerProgress?.(line.progress);
          else last = line;
        }
        if (last?.result !== undefined) return resolve(last.result);
        const status = last?.status ?? 500;
        return reject(new ApiError(status, last?.error?.code ?? `http_${status}`, last?.error?.message ?? appTexts.t('errors.generic', { status }), last?.error?.details));
      }
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // e.g. a proxy's HTML page
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
      reject(new ApiError(xhr.status, error?.code ?? `http_${xhr.status}`, error?.message ?? appTexts.t('errors.generic', { status: xhr.status }), error?.details));
    };
    xhr.send(file);
  });
}

/** The row errors of a 422 import.invalid_rows answer. */
export function rowErrorsOf(error: unknown): RowError[] {
  if (!(error instanceof ApiError) || error.status !== 422) return [];
  const errors = (error.details as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? (errors as RowError[]) : [];
}
