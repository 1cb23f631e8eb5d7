import { ApiProblem } from '../../api/problems';
import type { components } from '../../api/schema';

export type Attachment = components['schemas']['AttachmentResponse'];

export const originalUrl = (id: string): string => `/api/v1/attachments/${encodeURIComponent(id)}`;
export const thumbnailUrl = (id: string): string => `/api/v1/attachments/${encodeURIComponent(id)}/thumbnail`;

const problemOf = (request: XMLHttpRequest): ApiProblem => {
  let problem: { code?: string; detail?: string; errors?: Array<{ field: string; message: string }> } = {};
  try {
    problem = JSON.parse(request.responseText) as typeof problem;
  } catch {
    // not problem+json (a proxy's page): the status tells enough
  }
  return new ApiProblem(request.status, problem.code ?? `http-${request.status}`, problem.detail ?? request.statusText, problem.errors);
};

/**
 * `POST /attachments` with one part `file`, through XMLHttpRequest: fetch cannot report upload progress.
 * The session's CSRF token goes along, as the API client sends it on every write.
 */
export const uploadAttachment = (
  file: File,
  options: { csrfToken?: string; onProgress: (percent: number) => void; signal?: AbortSignal },
): Promise<Attachment> =>
  new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/v1/attachments');
    request.withCredentials = true;
    request.setRequestHeader('Accept', 'application/json');
    if (options.csrfToken) request.setRequestHeader('X-CSRF-Token', options.csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress(Math.min(99, Math.floor((event.loaded / event.total) * 100)));
    };
    request.onload = () => {
      if (request.status === 201) {
        options.onProgress(100);
        resolve(JSON.parse(request.responseText) as Attachment);
      } else reject(problemOf(request));
    };
    request.onerror = () => reject(new Error('network'));
    request.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => request.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
