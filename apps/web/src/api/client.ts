import type { ErrorCode, Locale, Problem } from '@kaimen/shared';

/** An API call that answered with an RFC 9457 problem (or failed to reach the server). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  get code(): ErrorCode {
    return this.problem.code;
  }
}

export const isApiError = (error: unknown, code?: ErrorCode): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code);

export type Query = Record<string, string | number | boolean | null | undefined>;

interface ClientHooks {
  getLocale: () => Locale;
  onUnauthenticated: () => void;
  /** The user's role started requiring TOTP during the session. */
  onEnrolmentRequired: () => void;
}

let csrfToken: string | null = null;
let hooks: ClientHooks = {
  getLocale: () => 'zh-CN',
  onUnauthenticated: () => undefined,
  onEnrolmentRequired: () => undefined,
};

export const configureClient = (next: ClientHooks): void => {
  hooks = next;
};
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const buildUrl = (path: string, query?: Query): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
};

async function toProblem(res: Response): Promise<Problem> {
  const fallback: Problem = {
    type: '/problems/internal',
    code: res.status === 401 ? 'unauthenticated' : 'internal',
    title: res.statusText || 'Error',
    status: res.status,
    detail: res.statusText || `HTTP ${res.status}`,
  };
  try {
    const body = (await res.json()) as Partial<Problem>;
    return body && typeof body.code === 'string' ? ({ ...fallback, ...body } as Problem) : fallback;
  } catch {
    return fallback;
  }
}

/** The error of a failed call, after telling the app about a lost session or a TOTP enrolment now required. */
async function failed(res: Response): Promise<ApiError> {
  return apiErrorOf(await toProblem(res));
}

/** The same, for a problem received another way (an upload's XMLHttpRequest, see upload.ts). */
export function apiErrorOf(problem: Problem): ApiError {
  if (problem.code === 'unauthenticated') {
    csrfToken = null;
    hooks.onUnauthenticated();
  } else if (problem.code === 'totp-enrolment-required') {
    hooks.onEnrolmentRequired();
  }
  return new ApiError(problem);
}

/** What every unsafe request sends: the CSRF token and the user's language. */
export const requestHeaders = (): Record<string, string> => ({
  'Accept-Language': hooks.getLocale(),
  ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}),
});

export async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': hooks.getLocale(),
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new ApiError({ type: '/problems/internal', code: 'internal', title: 'Network', status: 0, detail });
  }

  if (!res.ok) throw await failed(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = (text ? JSON.parse(text) : undefined) as T;
  if (data && typeof data === 'object' && 'csrfToken' in data && typeof data.csrfToken === 'string') {
    csrfToken = data.csrfToken;
  }
  return data;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** The name in a Content-Disposition header: `filename*` (RFC 8187, e.g. a Chinese name) before `filename`. */
export function dispositionFilename(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall back to the plain name
    }
  }
  return /filename="([^"]*)"/i.exec(header)?.[1] ?? null;
}

export interface DownloadedFile {
  blob: Blob;
  filename: string | null;
  headers: Headers;
}

/** A GET that answers a file (an export): its bytes and name, or the same ApiError as any other call. */
export async function download(path: string, query?: Query): Promise<DownloadedFile> {
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), {
      headers: { 'Accept-Language': hooks.getLocale() },
      credentials: 'same-origin',
    });
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new ApiError({ type: '/problems/internal', code: 'internal', title: 'Network', status: 0, detail });
  }
  if (!res.ok) throw await failed(res);
  return {
    blob: await res.blob(),
    filename: dispositionFilename(res.headers.get('content-disposition')),
    headers: res.headers,
  };
}
