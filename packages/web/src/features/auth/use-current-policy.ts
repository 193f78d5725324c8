import { PolicyDocument } from '@carillon/protocol/privacy';
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../../app/services';

/** The current privacy policy in the language on screen, re-read on `reload` (a newer version). */
export function useCurrentPolicy(language: string) {
  const { api } = useServices();
  const [policy, setPolicy] = useState<PolicyDocument | null>(null);
  const [error, setError] = useState<unknown>(null);
  const lang = language === 'zh-CN' ? 'zh-CN' : 'en';
  const reload = useCallback(async () => {
    try {
      setPolicy(
        await api.get('/api/policies/current', { query: { lang }, schema: PolicyDocument }),
      );
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, [api, lang]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { policy, error, reload };
}
