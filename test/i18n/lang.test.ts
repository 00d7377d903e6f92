import { describe, expect, it } from 'vitest';
import { detectLang, parseLang } from '../../src/i18n/lang';

describe('parseLang', () => {
  it('reads the two languages and their common spellings', () => {
    expect(parseLang('?lang=zh-CN')).toBe('zh-CN');
    expect(parseLang('lang=zh')).toBe('zh-CN');
    expect(parseLang('?lang=ZH-cn')).toBe('zh-CN');
    expect(parseLang('?lang=en')).toBe('en');
    expect(parseLang('?lang=en-GB')).toBe('en');
  });
  it('is null when absent, empty or a language we do not have', () => {
    expect(parseLang('')).toBeNull();
    expect(parseLang('?lang=')).toBeNull();
    expect(parseLang('?lang=fr')).toBeNull();
    expect(parseLang('?layers=784,30,10')).toBeNull();
  });
});

describe('detectLang', () => {
  it('takes the first language we have, any zh* as Simplified Chinese', () => {
    expect(detectLang(['zh-CN', 'en'])).toBe('zh-CN');
    expect(detectLang(['zh-TW'])).toBe('zh-CN');
    expect(detectLang(['fr-FR', 'zh'])).toBe('zh-CN');
    expect(detectLang(['de', 'en-US', 'zh-CN'])).toBe('en');
  });
  it('falls back to English', () => {
    expect(detectLang([])).toBe('en');
    expect(detectLang(['fr', 'de'])).toBe('en');
  });
});
