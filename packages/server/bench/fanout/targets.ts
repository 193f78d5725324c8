import { createHttpClient, expectStatus, type HttpClient } from '../http-client';
import { createGroup, openDirectChat } from './carillon-setup';
import { startChild, type ServerChild } from './child-ipc';
import type { SeededAccount } from './seed-accounts';

/** Enough sockets that the pool never throttles an offered rate the server can take. */
const MAX_SOCKETS = 64;

/** One server under test, seen the same way by the generator whichever it is. */
export interface FanoutTarget {
  label: string;
  child: ServerChild;
  http: HttpClient;
  accounts: SeededAccount[];
  /** The WebSocket address a client opens with its bearer token. */
  socketUrl: string;
  createAccounts(count: number): Promise<void>;
  /** A conversation of these accounts (indexes into `accounts`); its id. */
  createRoom(members: number[], direct: boolean): Promise<string>;
  messagePath(roomId: string): string;
  close(): Promise<void>;
}

function baseTarget(label: string, child: ServerChild) {
  const http = createHttpClient(child.port, MAX_SOCKETS);
  return {
    label,
    child,
    http,
    accounts: [] as SeededAccount[],
    async close() {
      http.close();
      await child.close();
    },
  };
}

/** Carillon: accounts seeded in its process, conversations set up over its REST API. */
export async function startCarillonTarget(): Promise<FanoutTarget> {
  const base = baseTarget('Carillon', await startChild('./carillon-server.ts'));
  const { http } = base;
  const target: FanoutTarget = {
    ...base,
    socketUrl: `ws://127.0.0.1:${base.child.port}/api/ws`,
    async createAccounts(count) {
      target.accounts = await base.child.call<SeededAccount[]>('seed', count);
    },
    createRoom(members, direct) {
      const accounts = members.map((i) => target.accounts[i]!);
      return direct
        ? openDirectChat(http, accounts[0]!, accounts[1]!)
        : createGroup(http, accounts);
    },
    messagePath: (roomId) => `/api/conversations/${roomId}/messages`,
  };
  return target;
}

/** The bare ws + better-sqlite3 server of bare-server.ts. */
export async function startBareTarget(): Promise<FanoutTarget> {
  const base = baseTarget('bare ws + SQLite', await startChild('./bare-server.ts'));
  const { http } = base;
  const target: FanoutTarget = {
    ...base,
    socketUrl: `ws://127.0.0.1:${base.child.port}/ws`,
    async createAccounts(count) {
      const made = await expectStatus(
        http.request('POST', '/users', { json: { count } }),
        201,
        'users',
      );
      target.accounts = JSON.parse(made.text) as SeededAccount[];
    },
    async createRoom(members) {
      const memberIds = members.map((i) => target.accounts[i]!.userId);
      const made = await expectStatus(
        http.request('POST', '/rooms', { json: { memberIds } }),
        201,
        'room',
      );
      return (JSON.parse(made.text) as { id: string }).id;
    },
    messagePath: (roomId) => `/rooms/${roomId}/messages`,
  };
  return target;
}
