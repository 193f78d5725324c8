import type { FileKind } from '@carillon/protocol/files';
import type { Location, MessageKind, SendMessageBody } from '@carillon/protocol/messaging';

/** What a message says, before encryption and after decryption. */
export type MessageContent =
  | { kind: 'text'; text: string }
  | { kind: 'image'; fileId: string; caption?: string }
  | { kind: 'file'; fileId: string }
  | { kind: 'voice'; fileId: string; durationMs: number }
  | ({ kind: 'location' } & Location);

/** The file kind each attachment-carrying message kind requires; `file` takes any. */
export const REQUIRED_FILE_KIND: Partial<Record<MessageKind, FileKind>> = {
  image: 'image',
  voice: 'audio',
};

/** The content of a send request, without the delivery fields. */
export function contentOf(body: SendMessageBody): MessageContent {
  switch (body.kind) {
    case undefined:
    case 'text':
      return { kind: 'text', text: body.text };
    case 'image':
      return { kind: 'image', fileId: body.fileId, ...optional('caption', body.caption) };
    case 'file':
      return { kind: 'file', fileId: body.fileId };
    case 'voice':
      return { kind: 'voice', fileId: body.fileId, durationMs: body.durationMs };
    case 'location':
      return {
        kind: 'location',
        latitude: body.latitude,
        longitude: body.longitude,
        ...optional('label', body.label),
      };
  }
}

function optional<K extends string>(key: K, value: string | undefined) {
  return (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;
}

/** The file a content carries, if any. */
export function fileIdOf(content: MessageContent): string | undefined {
  return 'fileId' in content ? content.fileId : undefined;
}

/**
 * The plaintext that gets encrypted. A text stays the bare text, as it was
 * before other kinds existed, so older rows still read; other kinds are one
 * JSON object, so every field (file id and coordinates too) is encrypted.
 */
export function serializeContent(content: MessageContent): string {
  if (content.kind === 'text') return content.text;
  const { kind: _kind, ...fields } = content;
  return JSON.stringify(fields);
}

/** The inverse of `serializeContent`, given the row's plaintext `kind`. */
export function parseContent(kind: MessageKind, plaintext: string): MessageContent {
  if (kind === 'text') return { kind, text: plaintext };
  return { kind, ...(JSON.parse(plaintext) as object) } as MessageContent;
}
