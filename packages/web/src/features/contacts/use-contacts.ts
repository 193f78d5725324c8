import { ContactList, RequestLists } from '@carillon/protocol/contacts';
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../../app/services';

/** Requests have no events yet: re-read this often while the page is visible, and on focus. */
const REFRESH_MS = 10_000;

/** Friends and pending requests, re-read after every change and now and then. */
export function useContacts() {
  const { api } = useServices();
  const [friends, setFriends] = useState<ContactList['contacts'] | null>(null);
  const [requests, setRequests] = useState<RequestLists | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      const [list, pending] = await Promise.all([
        api.get('/api/contacts', { schema: ContactList }),
        api.get('/api/contacts/requests', { schema: RequestLists }),
      ]);
      setFriends(list.contacts);
      setRequests(pending);
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, [api]);

  useEffect(() => {
    void reload();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void reload();
    }, REFRESH_MS);
    const handleFocus = () => void reload();
    window.addEventListener('focus', handleFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', handleFocus);
    };
  }, [reload]);

  return { friends, requests, error, reload };
}
