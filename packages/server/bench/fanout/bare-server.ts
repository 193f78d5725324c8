/**
 * The fan-out baseline, run as a child process: about the least a durable
 * group chat can do. node:http takes sends, better-sqlite3 in WAL mode (the
 * same synchronous setting as Carillon's SQLite) commits each message on its
 * own before answering, and `ws` broadcasts one pre-serialized frame to every
 * socket of the room's members, the sender's included, as Carillon does.
 * Tokens, rooms and sequence numbers live in memory; nothing is encrypted,
 * validated beyond the shape, or logged.
 */
import SQLite from 'better-sqlite3';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { systemClock } from '../../src/platform/clock';
import { serveParent } from './child-ipc';

interface Room {
  members: Set<string>;
  lastSeq: number;
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'carillon-bench-bare-'));
const db = new SQLite(path.join(dataDir, 'bare.sqlite'));
db.pragma('journal_mode = WAL');
db.exec(`
  create table users (id text primary key, token text not null unique);
  create table rooms (id text primary key);
  create table room_members (room_id text not null, user_id text not null, primary key (room_id, user_id));
  create table messages (
    id text primary key, room_id text not null, seq integer not null, sender_id text not null,
    client_id text not null, body text not null, created_at integer not null,
    unique (room_id, seq)
  );
`);
const insertMessage = db.prepare(
  'insert into messages (id, room_id, seq, sender_id, client_id, body, created_at) values (?, ?, ?, ?, ?, ?, ?)',
);

const userByToken = new Map<string, string>();
const rooms = new Map<string, Room>();
const socketsOf = new Map<string, Set<WebSocket>>();

function createUsers(count: number) {
  const insert = db.prepare('insert into users (id, token) values (?, ?)');
  const made = Array.from({ length: count }, () => ({
    userId: randomUUID(),
    token: randomBytes(24).toString('base64url'),
  }));
  db.transaction(() => made.forEach((u) => insert.run(u.userId, u.token)))();
  for (const u of made) userByToken.set(u.token, u.userId);
  return made;
}

function createRoom(memberIds: string[]) {
  const id = randomUUID();
  const insert = db.prepare('insert into room_members (room_id, user_id) values (?, ?)');
  db.transaction(() => {
    db.prepare('insert into rooms (id) values (?)').run(id);
    for (const userId of memberIds) insert.run(id, userId);
  })();
  rooms.set(id, { members: new Set(memberIds), lastSeq: 0 });
  return { id };
}

/** Stores the message (one committed transaction), then sends one frame to every member's sockets. */
function send(senderId: string, roomId: string, body: { clientId: string; text: string }) {
  const room = rooms.get(roomId);
  if (!room?.members.has(senderId)) return undefined;
  const id = randomUUID();
  const seq = ++room.lastSeq;
  const createdAt = systemClock.now();
  insertMessage.run(id, roomId, seq, senderId, body.clientId, body.text, createdAt);
  const payload = { conversationId: roomId, seq, messageId: id, senderId };
  const frame = JSON.stringify({
    type: 'event',
    event: { cursor: 0, type: 'message.created', payload, createdAt },
  });
  for (const member of room.members)
    for (const socket of socketsOf.get(member) ?? []) socket.send(frame);
  return { id, seq };
}

function bearer(request: http.IncomingMessage): string | undefined {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  return token === undefined ? undefined : userByToken.get(token);
}

function readJson(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString() || '{}'));
      } catch (error) {
        reject(error);
      }
    });
    request.on('error', reject);
  });
}

function answer(response: http.ServerResponse, status: number, body: unknown) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

async function handle(request: http.IncomingMessage, response: http.ServerResponse) {
  const body = await readJson(request);
  const messagePath = /^\/rooms\/([^/]+)\/messages$/.exec(request.url ?? '');
  if (request.method === 'POST' && messagePath) {
    const userId = bearer(request);
    if (!userId) return answer(response, 401, { error: 'unauthenticated' });
    if (typeof body.clientId !== 'string' || typeof body.text !== 'string')
      return answer(response, 400, { error: 'validation_failed' });
    const sent = send(userId, messagePath[1]!, { clientId: body.clientId, text: body.text });
    return sent ? answer(response, 201, sent) : answer(response, 404, { error: 'not_found' });
  }
  if (request.method === 'POST' && request.url === '/users')
    return answer(response, 201, createUsers(Number(body.count)));
  if (request.method === 'POST' && request.url === '/rooms')
    return answer(response, 201, createRoom(body.memberIds as string[]));
  answer(response, 404, { error: 'not_found' });
}

const server = http.createServer((request, response) => {
  handle(request, response).catch(() => answer(response, 400, { error: 'bad_request' }));
});
const sockets = new WebSocketServer({ server, path: '/ws', perMessageDeflate: false });
sockets.on('connection', (socket, request) => {
  const userId = bearer(request);
  if (!userId) return socket.close(4001);
  const own = socketsOf.get(userId) ?? new Set<WebSocket>();
  socketsOf.set(userId, own.add(socket));
  socket.on('close', () => own.delete(socket));
  socket.send(JSON.stringify({ type: 'ready', cursor: 0 }));
});

server.listen(0, '127.0.0.1', () => {
  serveParent(
    {
      port: (server.address() as AddressInfo).port,
      synchronous: db.pragma('synchronous', { simple: true }) as number,
    },
    {},
    async () => {
      for (const socket of sockets.clients) socket.terminate();
      await new Promise((resolve) => sockets.close(resolve));
      await new Promise((resolve) => server.close(resolve));
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  );
});
