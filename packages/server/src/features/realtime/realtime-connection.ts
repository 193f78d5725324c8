import { ClientFrame, CloseCode, type ServerFrame } from '@carillon/protocol/realtime';
import type { RawData, WebSocket } from 'ws';
import type { BusEvent, EventBus, Subscription } from '../../platform/bus/event-bus';
import type { Clock } from '../../platform/clock';
import type { UserActor } from '../../platform/http/route';
import { userTopic } from '../messaging/events.service';
import type { EventLog } from './event-log';
import { EventStream } from './event-stream';
import type { LiveEvents } from './live-events';
import { presenceTopic, type PresenceChanged, type PresenceService } from './presence.service';
import { RealtimeSocket } from './realtime-socket';
import { SESSIONS_ENDED } from './session-cut';
import { isTypingBusEvent, TypingThrottle, type TypingRelay } from './typing-relay';

/** What every connection on a node shares. */
export interface GatewayServices {
  bus: EventBus;
  log: EventLog;
  live: LiveEvents;
  presence: PresenceService;
  typing: TypingRelay;
  clock: Clock;
  sendBufferBytes: number;
  /** Logs a failure that is not the client's fault. */
  report: (error: unknown, context: string) => void;
}

/** Server error close code (RFC 6455 §7.4.1). */
const INTERNAL_ERROR = 1011;
/** Client frames waiting to be handled; beyond this a client is sending faster than it may. */
const MAX_PENDING_FRAMES = 32;

/**
 * One open WebSocket of a signed-in device: its event stream, presence
 * watches and typing throttle. Handlers are attached at once, so frames sent
 * right after the handshake are not lost while the stream starts.
 */
export class RealtimeConnection {
  private readonly socket: RealtimeSocket;
  private readonly stream: EventStream;
  private readonly throttle: TypingThrottle;
  private readonly userSubscription: Promise<Subscription>;
  private readonly stopLive: () => void;
  private readonly watches = new Map<string, Promise<Subscription>>();
  private readonly shownPresence = new Map<string, string>();
  private frameChain: Promise<void> = Promise.resolve();
  private pendingFrames = 0;
  private isClosed = false;
  private presenceChain: Promise<void>;
  private markFinished: () => void = () => undefined;
  /** Settles once the socket is closed and its presence row is gone. */
  readonly finished = new Promise<void>((resolve) => (this.markFinished = resolve));

  constructor(
    private readonly raw: WebSocket,
    readonly id: string,
    readonly user: UserActor,
    after: number | undefined,
    private readonly services: GatewayServices,
    private readonly onClosed: (connection: RealtimeConnection) => void,
  ) {
    this.socket = new RealtimeSocket(raw, services.sendBufferBytes);
    this.throttle = new TypingThrottle(services.clock);
    this.stream = new EventStream(
      user.userId,
      services.log,
      {
        sendBacklog: (event) => this.socket.sendPaced({ type: 'event', event }),
        sendLive: (event) => this.socket.sendText(event.frame),
        ready: (cursor) => this.socket.send({ type: 'ready', cursor }),
      },
      (error) => this.fail(error, 'event stream'),
    );
    // Frames are handled one at a time, in the order they came.
    raw.on('message', (data, isBinary) => {
      if (this.pendingFrames >= MAX_PENDING_FRAMES)
        return this.reject('rate_limited', 'Too many frames at once; this one was dropped.');
      this.pendingFrames++;
      this.frameChain = this.frameChain
        .then(() => this.receive(data, isBinary))
        .finally(() => this.pendingFrames--);
    });
    raw.on('close', () => this.closed());
    raw.on('error', (error) => services.report(error, 'websocket'));

    this.userSubscription = services.bus.subscribe(userTopic(user.userId), (event) =>
      this.fromUserTopic(event),
    );
    // Listening before the log is read: every event committed after that read arrives live.
    this.stopLive = services.live.listen(user.userId, this.stream);
    this.stream.start(after, services.live.ready);
    this.presenceChain = services.presence
      .connected(user.userId, id)
      .catch((error) => services.report(error, 'presence'));
  }

  /** The session behind this connection ended: the client must sign in again. */
  endSession(): void {
    this.socket.close(CloseCode.sessionEnded, 'session ended');
  }

  /** Drops the socket at once (server shutdown). */
  terminate(): void {
    this.raw.terminate();
  }

  /** One keep-alive round; see RealtimeSocket.keepAlive. */
  keepAlive(): void {
    this.socket.keepAlive();
  }

  private fromUserTopic(event: BusEvent): void {
    if (event.type === SESSIONS_ENDED) this.endSession();
    else if (isTypingBusEvent(event))
      this.socket.send({
        type: 'typing',
        conversationId: event.conversationId,
        userId: event.userId,
      });
  }

  private async receive(data: RawData, isBinary: boolean): Promise<void> {
    const frame = isBinary ? undefined : parseFrame(data);
    if (!frame) return this.reject('validation_failed', 'Send one JSON frame of a known type.');
    try {
      if (frame.type === 'ping') this.socket.send({ type: 'pong', id: frame.id });
      else if (frame.type === 'typing') await this.typing(frame.conversationId);
      else await this.replaceWatches(frame.userIds);
    } catch (error) {
      this.services.report(error, `realtime ${frame.type} frame`);
    }
  }

  private async typing(conversationId: string): Promise<void> {
    if (!this.throttle.admit(conversationId)) return;
    if (!(await this.services.typing.relay(this.user.userId, conversationId)))
      this.reject('not_found', 'Conversation not found.');
  }

  /** Replaces the watch list with the permitted people of `requested`. */
  private async replaceWatches(requested: string[]): Promise<void> {
    const { presence, bus } = this.services;
    const allowed = new Set(await presence.watchable(this.user.userId, requested));
    if (this.isClosed) return;
    for (const [userId, subscription] of this.watches)
      if (!allowed.has(userId)) {
        this.watches.delete(userId);
        this.shownPresence.delete(userId);
        void subscription.then((s) => s.unsubscribe());
      }
    const added = [...allowed].filter((id) => !this.watches.has(id));
    for (const userId of added)
      this.watches.set(
        userId,
        bus.subscribe(presenceTopic(userId), (event) =>
          this.showPresence(event as PresenceChanged),
        ),
      );
    await Promise.all(added.map((id) => this.watches.get(id)));
    for (const state of await presence.current(added)) this.showPresence(state);
  }

  /** Sends a watched person's presence unless it is what the client already has. */
  private showPresence({ userId, online, lastSeenAt }: PresenceChanged): void {
    if (!this.watches.has(userId)) return;
    const key = `${online}:${lastSeenAt}`;
    if (this.shownPresence.get(userId) === key) return;
    this.shownPresence.set(userId, key);
    this.socket.send({ type: 'presence', userId, online, lastSeenAt });
  }

  private reject(id: string, message: string): void {
    this.socket.send({ type: 'error', error: { id, message } } satisfies ServerFrame);
  }

  private fail(error: unknown, context: string): void {
    this.services.report(error, context);
    this.socket.close(INTERNAL_ERROR, 'server error: reconnect with your last cursor');
  }

  private closed(): void {
    this.isClosed = true;
    this.stopLive();
    this.stream.stop();
    for (const subscription of [this.userSubscription, ...this.watches.values()])
      void subscription.then((s) => s.unsubscribe()).catch(() => undefined);
    this.watches.clear();
    const { presence, report } = this.services;
    this.presenceChain = this.presenceChain
      .then(() => presence.disconnected(this.user.userId, this.id))
      .catch((error) => report(error, 'presence'))
      .then(this.markFinished);
    this.onClosed(this);
  }
}

/** A client frame, or undefined when the data is not JSON or not a known frame. */
function parseFrame(data: RawData): ClientFrame | undefined {
  try {
    const parsed = ClientFrame.safeParse(JSON.parse(String(data)));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
