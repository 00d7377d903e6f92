import { describe, expect, it } from 'vitest';
import { followLang, initialLang, LANG_STORAGE_KEY, rememberedLang } from '../../src/i18n/document';
import { createLabStore } from '../../src/store/store';
import { createFakeClient } from '../store/fakeClient';

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}

describe('the page language outside React', () => {
  it('opens in a remembered choice, else in the browser preference', () => {
    expect(initialLang(memoryStorage({ [LANG_STORAGE_KEY]: 'en' }), ['zh-CN'])).toBe('en');
    expect(initialLang(memoryStorage(), ['zh-TW', 'en'])).toBe('zh-CN');
    expect(initialLang(null, ['en-US'])).toBe('en');
    expect(rememberedLang(memoryStorage({ [LANG_STORAGE_KEY]: 'klingon' }))).toBeNull();
    const throwing = {
      getItem: () => {
        throw new Error('denied');
      },
    };
    expect(initialLang(throwing, ['zh'])).toBe('zh-CN');
  });

  it('lets lang= in the URL win over the default the page would pick', () => {
    const store = createLabStore({ client: createFakeClient(), search: '?lang=en', defaultLang: 'zh-CN' });
    expect(store.getState().lang).toBe('en');
    expect(createLabStore({ client: createFakeClient(), search: '', defaultLang: 'zh-CN' }).getState().lang).toBe('zh-CN');
  });

  it('keeps <html lang> and the title in step and remembers a switch', () => {
    const store = createLabStore({ client: createFakeClient(), search: '?lang=zh-CN' });
    const doc = { documentElement: { lang: 'en' }, title: '' };
    const storage = memoryStorage();
    followLang(store, doc, storage);
    expect(doc.documentElement.lang).toBe('zh-CN');
    expect(doc.title).toMatch(/为什么深度神经网络很难训练/);
    // Opening in a language is not a choice to remember.
    expect(storage.items.size).toBe(0);
    store.getState().setLang('en');
    expect(doc.documentElement.lang).toBe('en');
    expect(doc.title).toBe('Gradient Lab — why deep networks are hard to train');
    expect(storage.items.get(LANG_STORAGE_KEY)).toBe('en');
  });
});
