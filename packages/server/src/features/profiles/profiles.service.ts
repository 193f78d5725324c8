import {
  optionalProfileFields,
  type OptionalProfileField,
  type OwnProfile,
  type PublicProfile,
  type UpdateProfileBody,
  type Visibility,
} from '@carillon/protocol/profiles';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { FileStore } from '../../platform/files/file-store';
import type { RestrictionGuard } from '../../privacy/engines/restrictions';
import type { KeyVault } from '../../privacy/vault/key-vault';
import { processAvatar } from './avatar';
import { canSee, relationOf, type ContactsDirectory } from './profiles.policy';
import type { ProfileChanges, ProfileRow, ProfilesRepository } from './profiles.repository';
import { defaultVisibility } from './visibility';

const columnOf: Record<OptionalProfileField, keyof ProfileRow> = {
  realName: 'real_name',
  gender: 'gender',
  birthday: 'birthday',
  workRegion: 'work_region',
  enterpriseEmail: 'enterprise_email',
};

function visibilityOf(row: ProfileRow): Record<OptionalProfileField, Visibility> {
  return { ...defaultVisibility, ...(JSON.parse(row.visibility) as object) };
}

/** A short version tag of an avatar file, taken from its content hash. */
const avatarVersion = (hash: string) => hash.slice(0, 12);

function avatarUrl(row: ProfileRow): string | null {
  // The version in the URL lets clients cache forever and still see a new picture.
  return row.avatar_hash
    ? `/api/users/${row.user_id}/avatar?v=${avatarVersion(row.avatar_hash)}`
    : null;
}

/**
 * Profiles: the owner edits every field; others see what its visibility allows
 * (ACC-3). The optional fields are stored encrypted under the owner's vault key
 * (PRIV-7), so shredding that key erases them everywhere, backups included.
 */
export class ProfilesService {
  constructor(
    private readonly profiles: ProfilesRepository,
    private readonly files: FileStore,
    private readonly contacts: ContactsDirectory,
    private readonly vault: KeyVault,
    private readonly clock: Clock,
    /** Restricted fields are neither shown to others nor changed (GDPR Art. 18). */
    private readonly restrictions: RestrictionGuard,
    /** Deletes bytes no declared file column names any more (an upload may share an avatar's bytes). */
    private readonly releaseFiles: (hashes: string[]) => Promise<unknown>,
  ) {}

  private async load(userId: string): Promise<ProfileRow> {
    const row = await this.profiles.find(userId);
    if (!row) throw notFound('Profile');
    return row;
  }

  /** An optional field in plaintext; null when empty or when its key was shredded. */
  private async reveal(row: ProfileRow, field: OptionalProfileField): Promise<string | null> {
    const sealed = row[columnOf[field]] as string | null;
    if (sealed === null) return null;
    return (await this.vault.decrypt(row.user_id, sealed)) ?? null;
  }

  async own(userId: string): Promise<OwnProfile> {
    const row = await this.load(userId);
    const revealed = Object.fromEntries(
      await Promise.all(optionalProfileFields.map(async (f) => [f, await this.reveal(row, f)])),
    ) as Record<OptionalProfileField, string | null>;
    return {
      userId: row.user_id,
      nickname: row.nickname,
      avatarUrl: avatarUrl(row),
      ...revealed,
      gender: revealed.gender as OwnProfile['gender'],
      visibility: visibilityOf(row),
    };
  }

  async update(userId: string, body: UpdateProfileBody): Promise<OwnProfile> {
    const row = await this.load(userId);
    const now = this.clock.now();
    if (body.birthday && body.birthday > new Date(now).toISOString().slice(0, 10))
      throw new AppError('validation_failed', 'A birthday cannot be in the future.', {
        issues: [{ path: 'body.birthday', message: 'in the future' }],
      });
    const changes: ProfileChanges = { updated_at: now };
    if (body.nickname !== undefined) changes.nickname = body.nickname;
    for (const field of optionalProfileFields) {
      const value = body[field];
      // Validated above and by the schema; only now does the plaintext become a ciphertext.
      if (value !== undefined)
        (changes as Record<string, unknown>)[columnOf[field]] =
          value === null ? null : await this.vault.encrypt(userId, value);
    }
    if (body.visibility)
      changes.visibility = JSON.stringify({ ...visibilityOf(row), ...body.visibility });
    const changed = Object.keys(changes).filter((column) => column !== 'updated_at');
    await this.restrictions.assertUnrestricted(userId, 'profiles', changed);
    await this.profiles.update(userId, changes);
    return this.own(userId);
  }

  /** What `viewerId` (or an anonymous visitor) may see of `ownerId`'s profile. */
  async visibleTo(viewerId: string | undefined, ownerId: string): Promise<PublicProfile> {
    const row = await this.load(ownerId);
    const relation = await relationOf(viewerId, ownerId, this.contacts);
    const visibility = visibilityOf(row);
    const restricted =
      relation === 'self'
        ? new Set<string>()
        : await this.restrictions.restrictedColumns(ownerId, 'profiles');
    const shown: PublicProfile = {
      userId: row.user_id,
      nickname: restricted.has('nickname') ? '' : row.nickname,
      avatarUrl: restricted.has('avatar_hash') ? null : avatarUrl(row),
    };
    for (const field of optionalProfileFields) {
      if (restricted.has(columnOf[field])) continue;
      // Only fields this viewer may see are ever decrypted.
      if (row[columnOf[field]] === null || !canSee(relation, visibility[field])) continue;
      const value = await this.reveal(row, field);
      if (value !== null) (shown as Record<string, unknown>)[field] = value;
    }
    return shown;
  }

  async setAvatar(userId: string, upload: Buffer): Promise<OwnProfile> {
    const row = await this.load(userId);
    await this.restrictions.assertUnrestricted(userId, 'profiles', ['avatar_hash']);
    const hash = await this.files.put(await processAvatar(upload));
    await this.profiles.update(userId, { avatar_hash: hash, updated_at: this.clock.now() });
    if (row.avatar_hash && row.avatar_hash !== hash) await this.releaseAvatar(row.avatar_hash);
    return this.own(userId);
  }

  async removeAvatar(userId: string): Promise<void> {
    const row = await this.load(userId);
    if (!row.avatar_hash) return;
    await this.restrictions.assertUnrestricted(userId, 'profiles', ['avatar_hash']);
    await this.profiles.update(userId, { avatar_hash: null, updated_at: this.clock.now() });
    await this.releaseAvatar(row.avatar_hash);
  }

  /** The avatar bytes and version; avatars are always public (ACC-3). */
  async avatar(userId: string): Promise<{ bytes: Buffer; version: string }> {
    const row = await this.load(userId);
    const restricted = await this.restrictions.restrictedColumns(userId, 'profiles');
    const bytes =
      row.avatar_hash && !restricted.has('avatar_hash')
        ? await this.files.get(row.avatar_hash)
        : undefined;
    if (!bytes || !row.avatar_hash) throw notFound('Avatar');
    return { bytes, version: avatarVersion(row.avatar_hash) };
  }

  private async releaseAvatar(hash: string): Promise<void> {
    await this.releaseFiles([hash]);
  }
}
