import { randomInt } from 'node:crypto';
import { AccountsRepository } from '../../src/features/accounts/accounts.repository';
import { hashPassword } from '../../src/features/accounts/passwords';
import { defaultVisibility } from '../../src/features/profiles/visibility';
import { SecurityNoticesRepository } from '../../src/features/accounts/security-notices.repository';
import { SessionsRepository } from '../../src/features/sessions/sessions.repository';
import { SessionsService } from '../../src/features/sessions/sessions.service';
import type { Clock } from '../../src/platform/clock';
import type { DatabaseHandle } from '../../src/platform/db/database';
import { uuidV7Generator } from '../../src/platform/ids';
import { secretsFrom } from '../../src/platform/secrets';

/** A member of the fan-out bench and the bearer token of their one device. */
export interface SeededAccount {
  userId: string;
  token: string;
}

const device = { name: 'Fan-out client', platform: 'api' } as const;

/**
 * Creates accounts with the real accounts repository and signs each in with
 * the real sessions service, skipping the code round trip and all but one
 * argon2 hash (about 50 ms each, so 1,000 sign-ups over HTTP would take most
 * of the bench's time budget). Nothing here is on the measured path.
 */
export async function seedAccounts(
  database: DatabaseHandle,
  clock: Clock,
  secret: string,
  count: number,
): Promise<SeededAccount[]> {
  const ids = uuidV7Generator(clock);
  const accounts = new AccountsRepository(database.db);
  const sessions = new SessionsService(
    new SessionsRepository(database.db),
    new SecurityNoticesRepository(database.db),
    secretsFrom(secret),
    clock,
    ids,
  );
  const passwordHash = await hashPassword('quiet bells over the harbour');
  const firstNumber = randomInt(0, 1_000_000 - count);
  const seeded: SeededAccount[] = [];
  for (let i = 0; i < count; i++) {
    const now = clock.now();
    const user = {
      id: ids.next(),
      phone: `+6592${String(firstNumber + i).padStart(6, '0')}`,
      email: null,
      password_hash: passwordHash,
      created_at: now,
      password_changed_at: now,
      frozen_at: null,
    };
    await accounts.create(user, {
      nickname: `Member ${i}`,
      visibility: JSON.stringify(defaultVisibility),
    });
    const grant = await sessions.start(user.id, device, '127.0.0.1');
    seeded.push({ userId: user.id, token: grant.token });
  }
  return seeded;
}
