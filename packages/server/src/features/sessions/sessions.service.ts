import type { DeviceInfo } from '@carillon/protocol/common';
import type { SessionGrant } from '@carillon/protocol/auth';
import type { Clock } from '../../platform/clock';
import { notFound } from '../../platform/errors';
import type { IdGenerator } from '../../platform/ids';
import type { SecurityEvents } from '../../platform/organization-hooks';
import type { Secrets } from '../../platform/secrets';
import { hashToken, newToken } from '../../platform/tokens';
import type { SecurityNoticesRepository } from '../accounts/security-notices.repository';
import { coarseIpRegion } from './ip-region';
import type { SessionsRepository } from './sessions.repository';

/** Sessions stay alive while used; an idle one ends after this. */
export const SESSION_IDLE_MS = 30 * 24 * 3_600_000;
/** Activity is written at most this often, so reads do not each cause a write. */
const TOUCH_EVERY_MS = 60_000;

/** Who a valid token belongs to. */
export interface AuthenticatedSession {
  userId: string;
  sessionId: string;
  deviceId: string;
}

/** Signs devices in, recognises their tokens, lists and ends sessions (ACC-2). */
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly notices: SecurityNoticesRepository,
    private readonly secrets: Secrets,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    /** The security log of the person's organizations (ORG-9): log-ins, log-outs, new devices. */
    private readonly events?: SecurityEvents,
    /** Told once every session of a person has ended, so open sockets close now, not at the next heartbeat. */
    private readonly allEnded?: (userId: string) => Promise<void>,
  ) {}

  /** The CSRF token that goes with a cookie session; derived, so nothing extra is stored. */
  csrfTokenFor(sessionId: string): string {
    return this.secrets.hmac('csrf', sessionId);
  }

  /** Starts a session on a device, recording a notice when the device is new to the account. */
  async start(userId: string, device: DeviceInfo, ip: string): Promise<SessionGrant> {
    const now = this.clock.now();
    const region = coarseIpRegion(ip);
    const known = device.id ? await this.sessions.findDevice(userId, device.id) : undefined;
    let deviceId: string;
    if (known) {
      deviceId = known.id;
      await this.sessions.touchDevice(known.id, device.name, now);
    } else {
      const isFirst = (await this.sessions.countDevices(userId)) === 0;
      deviceId = this.ids.next();
      await this.sessions.insertDevice({
        id: deviceId,
        user_id: userId,
        name: device.name,
        platform: device.platform,
        first_seen_at: now,
        last_seen_at: now,
      });
      if (!isFirst)
        await this.notices.add(userId, {
          id: this.ids.next(),
          kind: 'new_device',
          detail: { device: device.name, platform: device.platform, ipRegion: region },
          createdAt: now,
        });
      await this.events?.record(userId, 'new_device', {
        device: device.name,
        platform: device.platform,
        ipRegion: region,
      });
    }
    await this.events?.record(userId, 'login', {
      device: device.name,
      platform: device.platform,
      ipRegion: region,
    });
    const token = newToken();
    const sessionId = this.ids.next();
    const expiresAt = now + SESSION_IDLE_MS;
    await this.sessions.insertSession({
      id: sessionId,
      user_id: userId,
      device_id: deviceId,
      token_hash: hashToken(token),
      ip_region: region,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
    });
    return {
      userId,
      sessionId,
      deviceId,
      token,
      csrfToken: this.csrfTokenFor(sessionId),
      expiresAt,
    };
  }

  /** The session a token opens, or undefined when it is unknown or expired. */
  async authenticate(token: string): Promise<AuthenticatedSession | undefined> {
    const now = this.clock.now();
    const row = await this.sessions.findByTokenHash(hashToken(token));
    if (!row || row.expires_at <= now) return undefined;
    if (now - row.last_seen_at >= TOUCH_EVERY_MS)
      await this.sessions.touchSession(row.id, now, now + SESSION_IDLE_MS);
    return { userId: row.user_id, sessionId: row.id, deviceId: row.device_id };
  }

  /** The user's live sessions, marking the one asking. */
  async list(actor: AuthenticatedSession) {
    const rows = await this.sessions.listWithDevices(actor.userId, this.clock.now());
    return rows.map((r) => ({
      id: r.id,
      current: r.id === actor.sessionId,
      device: { id: r.device_id, name: r.device_name, platform: r.device_platform },
      createdAt: r.created_at,
      lastSeenAt: r.last_seen_at,
      ipRegion: r.ip_region,
    }));
  }

  /** Ends one of the user's own sessions; another user's session is simply not found. */
  async end(actor: AuthenticatedSession, sessionId: string): Promise<void> {
    if (!(await this.sessions.delete(actor.userId, sessionId))) throw notFound('Session');
    await this.events?.record(actor.userId, 'logout', {
      how: sessionId === actor.sessionId ? 'this_device' : 'remote',
    });
  }

  /** Ends every session of the user but the current one. */
  endOthers(actor: AuthenticatedSession): Promise<number> {
    return this.sessions.deleteAllExcept(actor.userId, actor.sessionId);
  }

  /**
   * Of `sessionIds`, those still live: long-lived connections (the WebSocket
   * gateway) re-check with this in one query, whatever ended the others.
   */
  async stillLive(sessionIds: string[]): Promise<Set<string>> {
    return new Set(await this.sessions.liveAmong(sessionIds, this.clock.now()));
  }

  /** Ends every session of a user, as freezing or a password reset requires. */
  async endAll(userId: string): Promise<number> {
    const ended = await this.sessions.deleteAllExcept(userId, null);
    await this.allEnded?.(userId);
    return ended;
  }
}
