import { createContext, useContext, type ReactNode } from 'react';
import type { ApiClient } from '../api/api-client';
import type { ProfileCache } from '../features/people/profile-cache';

/** What every screen talks to the server through. */
export interface Services {
  api: ApiClient;
  /** Other people's public profiles, shared by every screen. */
  profiles: ProfileCache;
  /** The clock screens read "now" from (relative times, today's messages). */
  now: () => number;
  /** The browser's preferred languages (navigator.languages), best first. */
  languages: readonly string[];
}

const ServicesContext = createContext<Services | null>(null);

/** Provides the API client and clock; tests pass their own. */
export function ServicesProvider({
  services,
  children,
}: {
  services: Services;
  children: ReactNode;
}) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

/** The services of the surrounding provider. */
export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}
