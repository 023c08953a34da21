import { currentLanguage } from '../i18n/index.ts';
import { appTexts } from './text.ts';

/** An error answered by the server: `{ error: { code, message, details? } }`, message already localised. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// The CSRF token lives in memory only; it comes with the login and /me responses.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

export function withQuery(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function errorOf(data: unknown): { code: string; message: string; details?: unknown } | null {
  if (typeof data !== 'object' || data === null || !('error' in data)) return null;
  const error = (data as { error: unknown }).error;
  if (typeof error !== 'object' || error === null) return null;
  const { code, message, details } = error as Record<string, unknown>;
  return typeof code === 'string' && typeof message === 'string' ? { code, message, details } : null;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null; // e.g. an HTML error page from a proxy
  }
}

/** A file sent as the raw request body, its name URI-encoded in `x-file-name` (the server checks the bytes). */
interface RawFile { file: File; type?: string | undefined }

async function request<T>(method: string, path: string, body?: unknown, raw?: RawFile): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  if (raw) {
    headers['Content-Type'] = raw.type ?? (raw.file.type || 'application/octet-stream');
    headers['x-file-name'] = encodeURIComponent(raw.file.name);
  } else if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: raw ? raw.file : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', appTexts.t('errors.network'));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = parseJson(text);
  if (!response.ok) {
    const error = errorOf(data);
    throw new ApiError(
      response.status,
      error?.code ?? `http_${response.status}`,
      error?.message ?? appTexts.t('errors.generic', { status: response.status }),
      error?.details,
    );
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: (path: string) => request<void>('DELETE', path),
  /** PUT a file as the body; `type` overrides the browser's guess (some leave PDFs untyped) */
  upload: <T>(path: string, file: File, type?: string) => request<T>('PUT', path, undefined, { file, type }),
};
