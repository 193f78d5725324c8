import type { ApiClient } from './api-client';
import type { ProgressListener } from './upload';

/**
 * Downloads `path` while reporting progress (bytes read against
 * Content-Length; without that header only the end is reported), then offers
 * the bytes to the person as a file named `name` through an object URL.
 */
export async function downloadFile(
  api: ApiClient,
  path: string,
  name: string,
  onProgress: ProgressListener,
  signal?: AbortSignal,
): Promise<void> {
  const response = await api.open(path, signal);
  const total = Number(response.headers.get('content-length')) || 0;
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  for (let part = await reader?.read(); part && !part.done; part = await reader?.read()) {
    chunks.push(part.value);
    received += part.value.byteLength;
    if (total > 0) onProgress(Math.min(1, received / total));
  }
  onProgress(1);
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  saveBlob(new Blob(chunks as BlobPart[], { type }), name);
}

/** Hands a blob to the browser's download through a temporary link. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after click() returns; revoke once it has.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
