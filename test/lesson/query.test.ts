import { describe, expect, it } from 'vitest';
import { lessonQuery, parseLessonQuery } from '../../src/lesson/query';
import { createLabStore } from '../../src/store/store';
import { mirrorConfigInUrl } from '../../src/store/url';
import { createFakeClient } from '../store/fakeClient';
import { say } from '../../src/i18n/text';

describe('lesson= in the address bar', () => {
  it('reads a step number from 1 to the number of steps', () => {
    expect(parseLessonQuery('?lesson=4', 'en')).toEqual({ step: 4, notice: null });
    expect(parseLessonQuery('lesson=%2012%20', 'en')).toEqual({ step: 12, notice: null });
    expect(parseLessonQuery('?layers=784,30,10', 'en')).toEqual({ step: null, notice: null });
  });

  it('ignores anything else and says so, in the page’s language', () => {
    for (const raw of ['0', '13', '2.5', 'four', '', '-1']) {
      const parsed = parseLessonQuery(`?lesson=${raw}`, 'en');
      expect(parsed.step, raw).toBeNull();
      expect(parsed.notice).toBe(`Ignored URL parameter "lesson": it must be a step number from 1 to 12, got "${raw}".`);
    }
    expect(parseLessonQuery('?lesson=99', 'zh-CN').notice).toBe('已忽略 URL 参数“lesson”：它必须是 1 到 12 之间的步骤编号，收到的是“99”。');
  });

  it('the store opens the step a link names and lists a bad one among the URL notices', () => {
    const store = createLabStore({ client: createFakeClient(), search: '?lesson=4' });
    expect(store.getState().lesson).toBe(4);
    const bad = createLabStore({ client: createFakeClient(), search: '?lesson=40&lang=zh-CN' });
    expect(bad.getState().lesson).toBeNull();
    expect(bad.getState().urlNotices.map((p) => say('zh-CN', p))).toEqual([
      '已忽略 URL 参数“lesson”：它必须是 1 到 12 之间的步骤编号，收到的是“40”。',
    ]);
    expect(createLabStore({ client: createFakeClient() }).getState().lesson).toBeNull();
  });

  it('is written back while the lesson is open and dropped when it closes', () => {
    expect(lessonQuery(null)).toBe('');
    expect(lessonQuery(7)).toBe('&lesson=7');
    const urls: string[] = [];
    const store = createLabStore({ client: createFakeClient(), search: '?lesson=2' });
    mirrorConfigInUrl(store, { replaceState: (_d, _t, url) => urls.push(String(url)) }, { pathname: '/', hash: '#x' });
    expect(urls[0]).toMatch(/&lesson=2#x$/);
    store.getState().setLesson(3);
    expect(urls[1]).toMatch(/&lesson=3#x$/);
    store.getState().setLesson(null);
    expect(urls[2]).not.toContain('lesson=');
    expect(urls).toHaveLength(3);
  });
});
