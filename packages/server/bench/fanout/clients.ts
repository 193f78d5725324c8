import WebSocket from 'ws';

/** When each message reached each client, keyed by message id. */
export class DeliveryLog {
  arrivals = new Map<string, number[]>();
  total = 0;
  /** Clients the server closed after they had joined (e.g. as slow consumers). */
  disconnected = 0;

  record(messageId: string, at: number): void {
    const times = this.arrivals.get(messageId);
    if (times) times.push(at);
    else this.arrivals.set(messageId, [at]);
    this.total++;
  }

  /** Forgets everything, so one level never counts another's deliveries. */
  reset(): void {
    this.arrivals = new Map();
    this.total = 0;
  }
}

/** Connects this many clients at once; more would overflow the listen backlog and add SYN retries. */
const CONNECT_CONCURRENCY = 50;
const READY_TIMEOUT_MS = 15_000;

interface Frame {
  type: string;
  event?: { type: string; payload: { messageId?: string } };
}

/** Opens one client and resolves once the server says `ready` (the join is complete). */
function connect(url: string, token: string, log: DeliveryLog): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, {
      headers: { authorization: `Bearer ${token}` },
      perMessageDeflate: false,
    });
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error(`${url}: no ready frame within ${READY_TIMEOUT_MS} ms`));
    }, READY_TIMEOUT_MS);
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`${url}: ${why} before ready`));
    };
    socket.on('error', (error) => fail(error.message));
    socket.on('close', (code) => fail(`closed with ${code}`));
    socket.on('message', (data) => {
      const at = performance.now();
      const frame = JSON.parse(data.toString()) as Frame;
      if (frame.type === 'ready') {
        clearTimeout(timer);
        socket.removeAllListeners('close');
        socket.on('close', () => log.disconnected++);
        resolve(socket);
      } else if (frame.type === 'event' && frame.event?.type === 'message.created')
        log.record(frame.event.payload.messageId!, at);
    });
  });
}

/** Open clients, and how long connecting and joining all of them took. */
export interface ConnectedClients {
  sockets: WebSocket[];
  elapsedMs: number;
  close(): void;
}

/** Connects one client per token, CONNECT_CONCURRENCY at a time, all feeding `log`. */
export async function connectClients(
  url: string,
  tokens: string[],
  log: DeliveryLog,
): Promise<ConnectedClients> {
  const sockets: WebSocket[] = [];
  const startedAt = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < tokens.length) sockets.push(await connect(url, tokens[next++]!, log));
  };
  try {
    await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, worker));
  } catch (error) {
    for (const socket of sockets) socket.terminate();
    throw error;
  }
  return {
    sockets,
    elapsedMs: performance.now() - startedAt,
    close: () =>
      sockets.forEach((socket) => {
        socket.removeAllListeners('close');
        socket.terminate();
      }),
  };
}
