import { useCallback, useEffect, useState } from 'react';

/**
 * Loads something once and on `reload`: the value, the failure (for an
 * ErrorMessage), and whether the first answer is still awaited.
 */
export function useLoad<T>(load: () => Promise<T>) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(async () => {
    try {
      setValue(await load());
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { value, error, reload };
}

/** The policy language for the language on screen. */
export function policyLang(language: string): 'en' | 'zh-CN' {
  return language === 'zh-CN' ? 'zh-CN' : 'en';
}
