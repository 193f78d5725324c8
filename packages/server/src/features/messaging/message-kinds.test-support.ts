import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { StoredFile } from '@carillon/protocol/files';
import type { Conversation, Message } from '@carillon/protocol/messaging';
import type { TestApp } from '../../../test/harness';
import { befriend } from '../../../test/contacts';
import { registerUser } from '../../../test/factories';
import { jpeg, uploadFile } from '../files/files.test-support';
import { call, type Person } from './messaging.test-support';

/** A second of silence as a 16-bit mono WAV: the smallest real audio file. */
export function wav(): Buffer {
  const samples = Buffer.alloc(8000 * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

/** A tiny PDF document. */
export const pdf = () => Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Uploads a photo, a voice clip or a document through the real `POST /api/files`. */
export async function upload(
  t: TestApp,
  who: Person,
  what: 'image' | 'audio' | 'document',
): Promise<StoredFile> {
  const files = {
    image: async () => ({
      bytes: await jpeg(40, 30, `#${randomUUID().slice(0, 6)}`),
      filename: 'p.jpg',
    }),
    audio: async () => ({ bytes: wav(), filename: 'voice.wav' }),
    document: async () => ({ bytes: pdf(), filename: 'plan.pdf' }),
  };
  return uploadFile(t, who.token, await files[what]());
}

/** Two people who are contacts of each other. */
export async function friends(t: TestApp): Promise<[Person, Person]> {
  const a = await registerUser(t);
  const b = await registerUser(t);
  await befriend(t, a, b);
  return [a, b];
}

/** Opens (or gets) the direct chat between `who` and `peer`. */
export async function openDirect(t: TestApp, who: Person, peer: Person): Promise<Conversation> {
  const response = await call(t, who, 'POST', '/api/conversations/direct', { userId: peer.userId });
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as Conversation;
}

/** Posts a message body of any kind; returns the raw response. */
export function post(t: TestApp, who: Person, conversationId: string, body: object) {
  return call(t, who, 'POST', `/api/conversations/${conversationId}/messages`, {
    clientId: randomUUID(),
    ...body,
  });
}

/** Posts a message body that must succeed and returns the message. */
export async function sendKind(
  t: TestApp,
  who: Person,
  conversationId: string,
  body: object,
): Promise<Message> {
  const response = await post(t, who, conversationId, body);
  assert.equal(response.statusCode, 201, response.body);
  return response.json() as Message;
}
