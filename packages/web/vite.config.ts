import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { serviceWorker } from './sw/service-worker-plugin.ts';

/** Builds the web client into dist/ (served by the server); `vite` alone proxies /api to :8080. */
export default defineConfig({
  plugins: [react(), serviceWorker()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: { '/api': { target: 'http://localhost:8080', ws: true } },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['test/setup.ts'],
    restoreMocks: true,
    // A shared two-core machine renders the first screen of a file slowly; waits allow for that.
    testTimeout: 20_000,
  },
});
