/** The clock renderApp gives the app. */
export const NOW = Date.UTC(2026, 11, 2, 9);

/** POST /api/auth/codes answered: sent to `sentTo`, valid until `expiresAt` (ten minutes on). */
export const codeSent = (sentTo: string, expiresAt = NOW + 600_000) => ({
  status: 202,
  body: { sentTo, expiresAt, resendAfter: NOW + 60_000 },
});

/** An error answer with the server's body shape; the message shows only for ids without words. */
export const failure = (status: number, id: string, details?: unknown) => ({
  status,
  body: { error: { id, message: `server says ${id}`, details } },
});
