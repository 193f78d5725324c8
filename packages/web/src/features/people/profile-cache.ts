import { PublicProfile } from '@carillon/protocol/profiles';
import type { z } from 'zod';
import type { ApiClient } from '../../api/api-client';

/** What another person shows: nickname and avatar always, more as they allow. */
export type Profile = z.infer<typeof PublicProfile>;

/**
 * Public profiles by user id, fetched once per id and shared by every screen
 * (conversation names, senders, receipt lists).
 */
export class ProfileCache {
  private readonly profiles = new Map<string, Profile>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly listeners = new Set<() => void>();
  private version = 0;

  constructor(private readonly api: ApiClient) {}

  /** The profile if loaded; starts loading it otherwise. */
  get(userId: string): Profile | undefined {
    const known = this.profiles.get(userId);
    if (!known) void this.load(userId);
    return known;
  }

  /** The profile once loaded; undefined for an erased or unknown account. */
  async fetch(userId: string): Promise<Profile | undefined> {
    if (!this.profiles.has(userId)) await this.load(userId);
    return this.profiles.get(userId);
  }

  /** A number that changes whenever a profile arrives (for useSyncExternalStore). */
  snapshot = (): number => this.version;

  /** Listens for arrivals; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private load(userId: string): Promise<void> {
    const loading = this.pending.get(userId);
    if (loading) return loading;
    const request = this.api
      .get(`/api/users/${userId}/profile`, { schema: PublicProfile })
      .then((profile) => {
        this.profiles.set(userId, profile);
        this.version++;
        for (const listener of this.listeners) listener();
      })
      .catch(() => {
        // An erased or unknown account: shown as "someone"; try again on the next screen.
        setTimeout(() => this.pending.delete(userId), 30_000);
      });
    this.pending.set(userId, request);
    return request;
  }
}
