import {
  Message,
  MessagePage,
  type Location,
  type SendMessageBody,
} from '@carillon/protocol/messaging';
import { useCallback, useEffect, useRef, useState } from 'react';
import { uploadFile } from '../../api/upload';
import { useServices } from '../../app/services';
import { useStream } from '../../realtime/use-stream';
import {
  mergeMessages,
  newestSeq,
  recallMessage,
  updatePending,
  type MessageState,
  type PendingMessage,
} from './message-merge';

const PAGE = 50;

/** What a send needs besides the client id: the body, or a file to upload first. */
export type Draft =
  | { kind: 'text'; text: string; mentions: string[]; mentionAll?: boolean; replyTo?: number }
  | { kind: 'image' | 'file'; file: File; replyTo?: number }
  | { kind: 'voice'; file: File; durationMs: number; replyTo?: number }
  | ({ kind: 'location'; replyTo?: number } & Location);

/** The send body of a draft; an attachment's `fileId` is filled in once it is uploaded. */
function bodyOf(draft: Draft, clientId: string): SendMessageBody {
  const reply = draft.replyTo === undefined ? {} : { replyTo: draft.replyTo };
  switch (draft.kind) {
    case 'text':
      return {
        clientId,
        text: draft.text,
        mentions: draft.mentions,
        mentionAll: draft.mentionAll ?? false,
        ...reply,
      };
    case 'image':
    case 'file':
      return { clientId, kind: draft.kind, fileId: '', ...reply };
    case 'voice':
      return { clientId, kind: 'voice', fileId: '', durationMs: draft.durationMs, ...reply };
    case 'location': {
      const { replyTo: _replyTo, ...location } = draft;
      return { clientId, ...location, ...reply };
    }
  }
}

/**
 * One conversation's messages: the newest page, live additions from the
 * stream (gaps filled from history), recalls, and optimistic sends with a
 * client id, so a retry after a lost answer never makes a second message.
 */
export function useMessages(conversationId: string) {
  const { api, now } = useServices();
  const [state, setState] = useState<MessageState>({ messages: [], pending: [] });
  const [error, setError] = useState<unknown>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  const base = `/api/conversations/${conversationId}`;

  const fetchPage = useCallback(
    async (query: Record<string, number>) => {
      const page = await api.get(`${base}/messages`, { query, schema: MessagePage });
      setState((current) => mergeMessages(current, page.messages));
    },
    [api, base],
  );

  const loadNewest = useCallback(() => {
    fetchPage({ limit: PAGE })
      .then(() => setError(null))
      .catch(setError);
  }, [fetchPage]);

  useEffect(() => {
    setState({ messages: [], pending: [] });
    loadNewest();
  }, [loadNewest]);

  useStream((event) => {
    if (event.payload.conversationId !== conversationId) return;
    const seq = Number(event.payload.seq);
    if (event.type === 'message.created') {
      const known = newestSeq(stateRef.current);
      if (seq <= known) return;
      void fetchPage({ before: seq + 1, limit: Math.min(100, seq - known) }).catch(setError);
    } else if (event.type === 'message.recalled') {
      setState((current) => recallMessage(current, seq));
    }
  }, loadNewest);

  const deliver = useCallback(
    async (pending: PendingMessage) => {
      let body = pending.body;
      try {
        if (pending.file && body.kind !== undefined && 'fileId' in body && !body.fileId) {
          setState((s) => updatePending(s, pending.clientId, { status: 'uploading' }));
          const stored = await uploadFile(api, pending.file, pending.file.name, (progress) =>
            setState((s) => updatePending(s, pending.clientId, { progress })),
          );
          body = { ...body, fileId: stored.id };
          setState((s) => updatePending(s, pending.clientId, { body }));
        }
        setState((s) => updatePending(s, pending.clientId, { status: 'sending' }));
        const message = await api.post(`${base}/messages`, { body, schema: Message });
        setState((current) => mergeMessages(current, [message]));
      } catch {
        setState((s) => updatePending(s, pending.clientId, { status: 'failed' }));
      }
    },
    [api, base],
  );

  const send = useCallback(
    (draft: Draft) => {
      const clientId = crypto.randomUUID();
      const file = 'file' in draft ? draft.file : undefined;
      const pending: PendingMessage = {
        clientId,
        body: bodyOf(draft, clientId),
        status: file ? 'uploading' : 'sending',
        progress: 0,
        createdAt: now(),
        ...(file ? { file } : {}),
      };
      setState((current) => ({ ...current, pending: [...current.pending, pending] }));
      void deliver(pending);
    },
    [deliver, now],
  );

  /** Sends a failed message again with the same client id (the server keeps the first). */
  const retry = useCallback(
    (clientId: string) => {
      const pending = stateRef.current.pending.find((p) => p.clientId === clientId);
      if (pending) void deliver(pending);
    },
    [deliver],
  );

  const recall = useCallback(
    async (seq: number) => {
      await api.post(`${base}/messages/${seq}/recall`);
      setState((current) => recallMessage(current, seq));
    },
    [api, base],
  );

  return { ...state, error, send, retry, recall };
}
