import { StoredFile } from '@carillon/protocol/files';
import type { z } from 'zod';
import type { ApiClient } from './api-client';
import { ApiError, errorFromResponse } from './api-error';

/** Progress of one transfer, 0 to 1. */
export type ProgressListener = (fraction: number) => void;

/**
 * Uploads one file to POST /api/files as multipart, reporting progress
 * (fetch cannot report upload progress, XMLHttpRequest can).
 */
export function uploadFile(
  api: ApiClient,
  file: Blob,
  name: string,
  onProgress: ProgressListener,
  signal?: AbortSignal,
): Promise<z.infer<typeof StoredFile>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', api.url('/api/files'));
    xhr.withCredentials = true;
    for (const [key, value] of Object.entries(api.csrfHeaders())) xhr.setRequestHeader(key, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError('network', 'upload failed', 0));
    xhr.onabort = () => reject(new ApiError('network', 'upload cancelled', 0));
    xhr.onload = async () => {
      const response = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { 'content-type': 'application/json' },
      });
      if (xhr.status >= 400) return reject(await errorFromResponse(response));
      const parsed = StoredFile.safeParse(JSON.parse(xhr.responseText));
      if (!parsed.success) return reject(new ApiError('bad_response', 'bad upload answer', 0));
      onProgress(1);
      resolve(parsed.data);
    };
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, name);
    xhr.send(form);
  });
}
