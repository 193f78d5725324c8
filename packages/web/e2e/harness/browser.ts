import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Flags for a quiet, reproducible headless run: no sandbox (CI containers run
 * as root), no GPU, no QUIC, and none of the background traffic Chromium
 * starts on its own (tests never reach the network beyond loopback).
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why the browser journeys cannot run here, or null when they can. */
export function browserMissing(): string | null {
  return existsSync(CHROMIUM_PATH) ? null : `no Chromium at ${CHROMIUM_PATH}`;
}

/** A launched Chromium on a fresh profile directory, and how to close both. */
export interface TestBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * For a journey that records sound: grant camera and microphone without a
 * prompt, and feed MediaRecorder a generated tone instead of a real device.
 */
export const FAKE_MEDIA_FLAGS = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
];

/**
 * Launches Chromium with the flags above, and `extraArgs` (e.g. FAKE_MEDIA_FLAGS). Playwright gives every launch a new
 * empty profile (`--user-data-dir` in a temporary folder); the artifacts
 * folder (downloads, traces) is a fresh temporary one too and goes on close.
 */
export async function launchBrowser(extraArgs: string[] = []): Promise<TestBrowser> {
  const artifacts = mkdtempSync(path.join(tmpdir(), 'carillon-chromium-'));
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS, ...extraArgs],
    headless: true,
    downloadsPath: artifacts,
    timeout: 60_000,
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(artifacts, { recursive: true, force: true });
    },
  };
}
