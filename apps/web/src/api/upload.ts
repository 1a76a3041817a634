import type { Problem } from '@kaimen/shared';
import { ApiError, apiErrorOf, requestHeaders } from './client';

/**
 * POSTs a file as multipart/form-data (fields first, then the file) with upload progress: a spreadsheet of a million
 * rows is hundreds of MB, and fetch cannot tell how much has gone. Answers the JSON body, or throws the ApiError.
 */
export function uploadFile<T>(
  path: string,
  fields: Record<string, string>,
  file: File,
  onProgress?: (sent: number, total: number) => void,
): Promise<T> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file, file.name);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    for (const [name, value] of Object.entries(requestHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () =>
      reject(
        new ApiError({
          type: '/problems/internal',
          code: 'internal',
          title: 'Network',
          status: 0,
          detail: 'network error',
        }),
      );
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const problem = body as Partial<Problem> | undefined;
      reject(
        apiErrorOf(
          problem && typeof problem.code === 'string'
            ? (problem as Problem)
            : {
                type: '/problems/internal',
                code: 'internal',
                title: xhr.statusText,
                status: xhr.status,
                detail: `HTTP ${xhr.status}`,
              },
        ),
      );
    };
    xhr.send(form);
  });
}
