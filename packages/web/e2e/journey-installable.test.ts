import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { journeyFixture, journeysMissing, PHONE } from './harness/journey';
import { checkScreen } from './harness/screens';
import { textsFor } from './harness/texts';

const missing = journeysMissing();
const t = textsFor('en');

describe(
  'journey: the installable app opens from its cache when the server cannot be reached',
  { skip: missing ?? false },
  () => {
    const fixture = journeyFixture();

    it(
      'declares a manifest, installs the service worker, and starts with the server gone',
      {
        timeout: 240_000,
      },
      async () => {
        const { server } = fixture;
        const page = await fixture.open({ locale: 'en-GB', viewport: PHONE });
        await page.goto(`${server.url}/login`);
        const signIn = page.getByRole('heading', { name: t('auth.loginTitle') });
        await signIn.waitFor();

        const manifest = await page.evaluate(async () => {
          const href = document.querySelector('link[rel="manifest"]')?.getAttribute('href');
          return href ? ((await (await fetch(href)).json()) as Record<string, unknown>) : null;
        });
        assert.ok(manifest, 'the page links a web app manifest');
        assert.equal(manifest.display, 'standalone');
        assert.equal(manifest.start_url, '/');
        const icons = manifest.icons as Array<{ sizes: string; type: string }>;
        for (const size of ['192x192', '512x512'])
          assert.ok(
            icons.some((icon) => icon.sizes === size && icon.type === 'image/png'),
            size,
          );

        // Active means installed: the whole shell is in its cache.
        const cached = await page.evaluate(async () => {
          await navigator.serviceWorker.ready;
          const keys = await caches.keys();
          const cache = await caches.open(keys.find((k) => k.startsWith('carillon-shell-'))!);
          return (await cache.keys()).map((request) => new URL(request.url).pathname);
        });
        assert.ok(cached.includes('/'), 'the page itself is cached');
        assert.ok(
          cached.some((p) => p.startsWith('/assets/') && p.endsWith('.js')),
          'the script is cached',
        );
        assert.ok(!cached.some((p) => p.startsWith('/api/')), 'nothing personal is cached');

        await server.close();
        await page.reload();
        // The shell starts from the cache and says the server is gone (not "signed out").
        const unreachable = page.getByRole('heading', { name: t('app.unreachable.title') });
        await unreachable.waitFor();
        // A deep link opens from the cached shell too.
        await page.goto(`${server.url}/privacy`);
        await unreachable.waitFor();
        await checkScreen(page, 'en-offline-start');
      },
    );
  },
);
