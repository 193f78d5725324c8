import { describe, expect, it } from 'vitest';
import { browserKind, deviceName } from './device-name';

describe('browserKind', () => {
  it.each([
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      { browser: 'Chrome', system: 'Windows' },
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      { browser: 'Edge', system: 'Windows' },
    ],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
      { browser: 'Safari', system: 'macOS' },
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
      { browser: 'Safari', system: 'iOS' },
    ],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
      { browser: 'Chrome', system: 'Android' },
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
      { browser: 'Firefox', system: 'Linux' },
    ],
    [
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36',
      { browser: 'Chrome', system: 'Linux' },
    ],
  ])('names %s', (agent, kind) => {
    expect(browserKind(agent)).toEqual(kind);
  });

  it('names nothing it does not recognize', () => {
    expect(browserKind('curl/8.5.0')).toBeUndefined();
    expect(browserKind('Mozilla/5.0 (jsdom) AppleWebKit/537.36 jsdom/26.1.0')).toBeUndefined();
  });
});

describe('deviceName', () => {
  const t = ((key: string, values?: Record<string, string>) =>
    key === 'auth.deviceNameOf'
      ? `${values!.browser} on ${values!.system}`
      : 'Web browser') as never;

  it('names the browser and system when it knows both, else says "Web browser"', () => {
    expect(
      deviceName(t, 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'),
    ).toBe('Firefox on Linux');
    expect(deviceName(t, 'curl/8.5.0')).toBe('Web browser');
  });
});
