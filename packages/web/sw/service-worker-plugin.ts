import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** Files copied from public/, which the bundle does not list. */
const PUBLIC_FILES = ['/manifest.webmanifest', '/icon.svg', '/icon-192.png', '/icon-512.png'];

/**
 * Emits /sw.js from sw/service-worker.js with the list of built files to
 * precache and a version derived from them, so a new build replaces the cache.
 */
export function serviceWorker(): Plugin {
  return {
    name: 'carillon-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => !name.endsWith('.map'));
      const shell = ['/', ...PUBLIC_FILES, ...files.map((name) => `/${name}`)];
      const version = createHash('sha256').update(shell.join('\n')).digest('hex').slice(0, 12);
      const template = readFileSync(new URL('./service-worker.js', import.meta.url), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template
          .replace("'__VERSION__'", JSON.stringify(version))
          .replace('__SHELL__', JSON.stringify([...new Set(shell)])),
      });
    },
  };
}
