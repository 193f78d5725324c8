import type { Clock } from '../../platform/clock';

interface Entry<V> {
  value: V;
  expiresAt: number;
}

/**
 * A bounded, short-lived LRU of unwrapped subject keys, so a page of profiles
 * does not unwrap the same key again and again. Short-lived because in a
 * cluster a shred on one node reaches the other nodes' caches only by expiry.
 */
export class KeyCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  constructor(
    private readonly clock: Clock,
    private readonly capacity: number,
    private readonly ttlMs: number,
  ) {}

  /** The cached key, refreshed as most recently used; undefined when absent or expired. */
  get(subjectId: string): V | undefined {
    const entry = this.entries.get(subjectId);
    if (!entry) return undefined;
    this.entries.delete(subjectId);
    if (entry.expiresAt <= this.clock.now()) return undefined;
    this.entries.set(subjectId, entry);
    return entry.value;
  }

  /** Caches a key, evicting the least recently used ones beyond the capacity. */
  set(subjectId: string, value: V): void {
    if (this.capacity <= 0) return;
    this.entries.delete(subjectId);
    this.entries.set(subjectId, { value, expiresAt: this.clock.now() + this.ttlMs });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
  }

  /** Forgets one subject's key. */
  delete(subjectId: string): void {
    this.entries.delete(subjectId);
  }

  /** Forgets every key. */
  clear(): void {
    this.entries.clear();
  }

  /** How many keys are held, expired ones included until next touched. */
  get size(): number {
    return this.entries.size;
  }
}
