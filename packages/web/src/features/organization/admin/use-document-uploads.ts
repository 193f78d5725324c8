import type { StoredFile } from '@carillon/protocol/files';
import { useCallback, useEffect, useRef, useState } from 'react';
import { uploadFile } from '../../../api/upload';
import { useServices } from '../../../app/services';

/** The server takes at most this many documents with a certification request. */
export const MAX_DOCUMENTS = 10;

/** One document being attached: its upload's progress, then the stored file. */
export interface AttachedDocument {
  key: string;
  name: string;
  size: number;
  status: 'uploading' | 'uploaded' | 'failed';
  /** 0 to 1 while uploading. */
  progress: number;
  error?: unknown;
  stored?: StoredFile;
}

/**
 * Documents for a certification request, uploaded as soon as they are picked
 * (POST /api/files with progress, as chat attachments are). Removing one
 * cancels its upload or deletes the uploaded file, which nothing else uses.
 */
export function useDocumentUploads() {
  const { api } = useServices();
  const [documents, setDocuments] = useState<AttachedDocument[]>([]);
  const uploads = useRef(new Map<string, AbortController>());
  useEffect(() => {
    const running = uploads.current;
    return () => running.forEach((upload) => upload.abort());
  }, []);

  const update = (key: string, change: Partial<AttachedDocument>) =>
    setDocuments((list) => list.map((d) => (d.key === key ? { ...d, ...change } : d)));

  /** Starts uploading the picked files; false when that would pass the limit (nothing starts). */
  const add = useCallback(
    (files: File[]): boolean => {
      if (documents.length + files.length > MAX_DOCUMENTS) return false;
      const added = files.map((file) => ({ file, key: crypto.randomUUID() }));
      setDocuments((list) => [
        ...list,
        ...added.map(({ file, key }) => ({
          key,
          name: file.name,
          size: file.size,
          status: 'uploading' as const,
          progress: 0,
        })),
      ]);
      for (const { file, key } of added) {
        const upload = new AbortController();
        uploads.current.set(key, upload);
        uploadFile(api, file, file.name, (progress) => update(key, { progress }), upload.signal)
          .then(
            (stored) => update(key, { status: 'uploaded', progress: 1, stored }),
            (error: unknown) => {
              if (!upload.signal.aborted) update(key, { status: 'failed', error });
            },
          )
          .finally(() => uploads.current.delete(key));
      }
      return true;
    },
    [api, documents.length],
  );

  const remove = useCallback(
    (key: string) => {
      uploads.current.get(key)?.abort();
      const stored = documents.find((d) => d.key === key)?.stored;
      setDocuments((list) => list.filter((d) => d.key !== key));
      // Best effort: an upload left behind is the administrator's own file, nobody else's.
      if (stored) void api.delete(`/api/files/${stored.id}`).catch(() => undefined);
    },
    [api, documents],
  );

  /** Forgets the list once the request that carries the documents is submitted. */
  const clear = useCallback(() => setDocuments([]), []);

  const ready = documents.every((d) => d.status === 'uploaded');
  const ids = documents.flatMap((d) => (d.stored ? [d.stored.id] : []));
  return { documents, add, remove, clear, ready, ids };
}
