import { afterEach, describe, expect, it, vi } from 'vitest';
import { readChoice, removeChoice, writeChoice } from './local-choice';

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

const refuse = (method: 'getItem' | 'setItem' | 'removeItem') =>
  vi.spyOn(Storage.prototype, method).mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });

describe('local choices', () => {
  it('keeps a choice in localStorage, and removes it', () => {
    expect(readChoice('carillon.test')).toBeNull();
    writeChoice('carillon.test', 'on');
    expect(localStorage.getItem('carillon.test')).toBe('on');
    expect(readChoice('carillon.test')).toBe('on');
    removeChoice('carillon.test');
    expect(readChoice('carillon.test')).toBeNull();
  });

  it('reads nothing, without throwing, when storage cannot be read', () => {
    localStorage.setItem('carillon.test', 'on');
    refuse('getItem');
    expect(readChoice('carillon.test')).toBeNull();
  });

  it('keeps a choice storage refuses for this page, until storage takes one again', () => {
    refuse('setItem');
    expect(() => writeChoice('carillon.refused', 'zh-CN')).not.toThrow();
    expect(readChoice('carillon.refused')).toBe('zh-CN');
    refuse('removeItem');
    expect(() => removeChoice('carillon.refused')).not.toThrow();
    expect(readChoice('carillon.refused')).toBeNull();

    vi.restoreAllMocks();
    writeChoice('carillon.refused', 'en');
    expect(localStorage.getItem('carillon.refused')).toBe('en');
    expect(readChoice('carillon.refused')).toBe('en');
  });

  it('works without any localStorage at all', () => {
    vi.spyOn(globalThis, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('Access is denied.', 'SecurityError');
    });
    expect(() => writeChoice('carillon.none', 'on')).not.toThrow();
    expect(readChoice('carillon.none')).toBe('on');
  });
});
