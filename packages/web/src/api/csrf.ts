const CSRF_COOKIE = 'carillon_csrf';

/**
 * The CSRF token the server set next to the session cookie (double submit):
 * it survives a reload, unlike a token kept in memory from the sign-in answer.
 * Operator sessions use their own pair (`carillon_operator_csrf`).
 */
export function readCsrfToken(
  cookies: string = document.cookie,
  cookie: string = CSRF_COOKIE,
): string | null {
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === cookie) return decodeURIComponent(rest.join('='));
  }
  return null;
}
