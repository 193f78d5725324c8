import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from '../../../server/test/system/server-process';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** The operator account every journey's server starts with. */
export const OPERATOR = { username: 'e2e-operator', password: 'e2e operator password 1' };

/** A real Carillon server (src/main.ts) for the browser journeys, with an operator to read codes. */
export interface AppServer {
  url: string;
  /**
   * The newest one-time code sent to `destination` (E.164 phone or e-mail), via the operator
   * outbox. With `sentAfter` (from `lastCodeAt`), it waits up to 5 s for a newer code: reset and
   * unfreeze codes go out after the server has answered.
   */
  readCode(destination: string, sentAfter?: number): Promise<string>;
  /** When the newest message to `destination` went out (server time), 0 if none has. */
  lastCodeAt(destination: string): Promise<number>;
  close(): Promise<void>;
}

/** Builds the web client if its sources changed, as `npm start` does. */
export function buildWebClient(): void {
  const result = spawnSync(process.execPath, ['scripts/build-web.mjs'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    timeout: 180_000,
  });
  if (result.status !== 0) throw new Error('the web client did not build');
}

/** Starts main.ts on a free loopback port with a temporary data directory and the outbox providers. */
export async function startAppServer(env: Record<string, string> = {}): Promise<AppServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'carillon-e2e-'));
  const server = await startServerProcess({
    DATA_DIR: dataDir,
    OPERATOR_USERNAME: OPERATOR.username,
    OPERATOR_PASSWORD: OPERATOR.password,
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    ...env,
  });
  let operatorToken: string | null = null;
  const operator = async () => {
    if (operatorToken) return operatorToken;
    const response = await fetch(`${server.url}/api/operator/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(OPERATOR),
    });
    if (!response.ok) throw new Error(`operator login: ${response.status}`);
    operatorToken = ((await response.json()) as { token: string }).token;
    return operatorToken;
  };
  /** The messages sent to `destination`, newest first. */
  const outbox = async (destination: string) => {
    const purpose = encodeURIComponent('end-to-end test reads its own one-time code');
    const response = await fetch(`${server.url}/api/operator/outbox?purpose=${purpose}`, {
      headers: { authorization: `Bearer ${await operator()}` },
    });
    const { entries } = (await response.json()) as {
      entries: Array<{ destination: string; body: string; createdAt: number }>;
    };
    return entries
      .filter((e) => e.destination === destination)
      .sort((a, b) => b.createdAt - a.createdAt);
  };
  return {
    url: server.url,
    async readCode(destination, sentAfter) {
      for (let attempt = 0; ; attempt++) {
        const newest = (await outbox(destination))[0];
        const fresh = newest && (sentAfter === undefined || newest.createdAt > sentAfter);
        const code = fresh && /\b(\d{6})\b/.exec(newest.body)?.[1];
        if (code) return code;
        if (sentAfter === undefined || attempt === 50)
          throw new Error(`no code in the outbox for ${destination}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async lastCodeAt(destination) {
      return (await outbox(destination))[0]?.createdAt ?? 0;
    },
    async close() {
      await server.kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
