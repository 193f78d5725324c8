import { useLocation, type Location } from 'react-router';

/** What the sign-in page is handed when a signed-out visit to a signed-in page sent someone there. */
export interface ReturnState {
  from: string;
}

/** The state for the sign-in redirect from `location`: the page to return to after signing in. */
export function returnStateFrom(location: Location): ReturnState {
  return { from: `${location.pathname}${location.search}${location.hash}` };
}

/**
 * Where to go once signed in: the page an invite link, a guardian link or a
 * bookmark pointed at, or the chats. Only a path of this app is followed, so
 * the state cannot send anyone to another site.
 */
export function useReturnTo(): string {
  const from = (useLocation().state as Partial<ReturnState> | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//')
    ? from
    : '/chats';
}
