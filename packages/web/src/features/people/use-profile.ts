import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import type { Profile } from './profile-cache';

/** Another person's public profile, re-rendering when it arrives. */
export function useProfile(userId: string | null | undefined): Profile | undefined {
  const { profiles } = useServices();
  useSyncExternalStore(profiles.subscribe, profiles.snapshot);
  return userId ? profiles.get(userId) : undefined;
}

/** A person's nickname, or a neutral placeholder while loading or for an erased account. */
export function useDisplayName(userId: string | null | undefined): string {
  const { t } = useTranslation();
  return useProfile(userId)?.nickname ?? t('people.someone');
}

/** The profile cache itself, re-rendering when any profile arrives (for lists of names). */
export function useServicesProfiles() {
  const { profiles } = useServices();
  useSyncExternalStore(profiles.subscribe, profiles.snapshot);
  return profiles;
}
