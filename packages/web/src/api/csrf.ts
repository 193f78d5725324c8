const CSRF_COOKIE = 'carillon_csrf';

/**
 * The CSRF token the server set next to the session cookie (double submit):
 * it survives a reload, unlike a token kept in memory from the sign-in answer.
 */
export function readCsrfToken(cookies: string = document.cookie): string | null {
  for (const part of cookies.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return null;
}
