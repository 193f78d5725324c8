/** The id of the `n`-th session of the component tests' person. */
export const sessionId = (n: number) => `01900000-0000-7000-8000-0000000000b${n}`;

/** A session as GET /api/sessions lists it: the `n`-th, in a web browser on the device `name`. */
export const session = (n: number, name: string, current: boolean) => ({
  id: sessionId(n),
  current,
  device: { id: `01900000-0000-7000-8000-0000000000d${n}`, name, platform: 'web' },
  createdAt: 1,
  lastSeenAt: 2,
  ipRegion: '203.0.113.0/24',
});
