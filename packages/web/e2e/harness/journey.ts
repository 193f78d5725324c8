import { after, before } from 'node:test';
import { buildWebClient, startAppServer, type AppServer } from './app-server';
import { browserMissing, launchBrowser, type TestBrowser } from './browser';

/** Why this machine cannot run the journeys (null when it can); in CI that is a failure. */
export function journeysMissing(): string | null {
  const missing = browserMissing();
  if (missing && process.env.CI === 'true')
    throw new Error(`browser journeys need Chromium: ${missing}`);
  return missing;
}

/**
 * The set-up every journey shares, registered as before/after hooks of the
 * surrounding suite: the built client, a server (with `env`), a browser.
 */
export function journeyFixture(env: Record<string, string> = {}) {
  const fixture = {} as { server: AppServer; chromium: TestBrowser };
  before(async () => {
    buildWebClient();
    fixture.server = await startAppServer(env);
    fixture.chromium = await launchBrowser();
  });
  after(async () => {
    await fixture.chromium?.close();
    await fixture.server?.close();
  });
  return fixture;
}
