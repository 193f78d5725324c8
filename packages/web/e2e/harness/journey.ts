import { after, before } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { buildWebClient, startAppServer, type AppServer } from './app-server';
import { browserMissing, launchBrowser, type TestBrowser } from './browser';

/** Why this machine cannot run the journeys (null when it can); in CI that is a failure. */
export function journeysMissing(): string | null {
  const missing = browserMissing();
  if (missing && process.env.CI === 'true')
    throw new Error(`browser journeys need Chromium: ${missing}`);
  return missing;
}

/** The screens journeys use: a desktop window and a phone. */
export const DESKTOP = { width: 1200, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** One person's browser: their own context (cookies, storage), its language and screen. */
export interface BrowserOptions {
  locale: 'en-GB' | 'zh-CN';
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
  /** Browser permissions granted without a prompt, e.g. `['geolocation']`. */
  permissions?: string[];
  /** Where the browser says it is, for the geolocation API. */
  geolocation?: { latitude: number; longitude: number };
}

/** Options of the whole suite's browser. */
export interface FixtureOptions {
  /** Extra Chromium flags for this suite only (e.g. FAKE_MEDIA_FLAGS). */
  browserArgs?: string[];
}

export interface JourneyFixture {
  server: AppServer;
  chromium: TestBrowser;
  /** A page in a new browser context, with a journey's patience (20 s per step). */
  open(options: BrowserOptions): Promise<Page>;
}

/**
 * The set-up every journey shares, registered as before/after hooks of the
 * surrounding suite: the built client, a server (with `env`) on a free
 * loopback port with a temporary data directory, a browser, and one context
 * per person, all closed afterwards.
 */
export function journeyFixture(
  env: Record<string, string> = {},
  options: FixtureOptions = {},
): JourneyFixture {
  const contexts: BrowserContext[] = [];
  const fixture = {
    async open({ locale, viewport = DESKTOP, acceptDownloads = false, ...more }: BrowserOptions) {
      const context = await fixture.chromium.browser.newContext({
        locale,
        viewport,
        acceptDownloads,
        ...more,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      return page;
    },
  } as JourneyFixture;
  before(async () => {
    buildWebClient();
    fixture.server = await startAppServer(env);
    fixture.chromium = await launchBrowser(options.browserArgs);
  });
  after(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await fixture.chromium?.close();
    await fixture.server?.close();
  });
  return fixture;
}
