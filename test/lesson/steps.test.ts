import { describe, expect, it } from 'vitest';
import { goToLessonStep, nextLessonStep, previousLessonStep, closeLesson, applyLessonFromUrl } from '../../src/lesson/apply';
import { chapterLink, LESSON_STEP_COUNT, LESSON_STEP_IDS, LESSON_STEPS, lessonStep, type LessonStepId } from '../../src/lesson/steps';
import { LESSON_TEXT } from '../../src/lesson/text';
import type { RunConfig } from '../../src/config';
import { createLabStore } from '../../src/store/store';
import { createFakeClient } from '../store/fakeClient';

/** Far from every step's setup: one hidden layer of 50, SGD, ReLU, He, other η and λ, momentum, clipping, skips. */
const FAR =
  '?layers=784,50,10&mode=sgd&activation=relu&init=he&eta=0.5&lambda=1&momentum=0.5&seed=7&clip=3&residual=1&norm=layer&exploding=0';

function connected(search = FAR) {
  const client = createFakeClient();
  const store = createLabStore({ client, search });
  store.getState().connect();
  return { client, store };
}

const BOOK = { eta: 0.1, lambda: 5, momentum: 0, clipNorm: 0, residual: false, normalisation: 'none' } as const;
const FOUR = [784, 30, 30, 30, 30, 10];

/** What each step must leave the run configured as; null: the step is about an instrument and leaves the network alone. */
const EXPECTED: Record<LessonStepId, Partial<RunConfig> | null> = {
  'bars-at-init': { ...BOOK, layers: [784, 30, 30, 10], mode: 'learning-speed', activation: 'sigmoid', init: 'default', exploding: false },
  'learning-speed': { ...BOOK, layers: FOUR, mode: 'learning-speed', activation: 'sigmoid', init: 'default', exploding: false },
  'one-neuron-chain': null,
  'chain-explodes': null,
  'network-explodes': { ...BOOK, layers: FOUR, mode: 'learning-speed', activation: 'sigmoid', init: 'default', exploding: true },
  'exploding-trains': { ...BOOK, layers: FOUR, mode: 'learning-speed', activation: 'sigmoid', init: 'default', exploding: true },
  unstable: null,
  prevalence: null,
  'identity-neuron': null,
  'complex-networks': { ...BOOK, layers: FOUR, mode: 'learning-speed', activation: 'sigmoid', init: 'default', exploding: false },
  'other-obstacles': { ...BOOK, layers: FOUR, mode: 'sgd', epochs: 30, activation: 'sigmoid', init: 'default', exploding: false },
  'what-helps': { ...BOOK, layers: FOUR, mode: 'learning-speed', epochs: 500, activation: 'relu', init: 'he', exploding: false },
};

const PANEL: Record<LessonStepId, string> = {
  'bars-at-init': 'network',
  'learning-speed': 'speed',
  'one-neuron-chain': 'chain',
  'chain-explodes': 'chain',
  'network-explodes': 'network',
  'exploding-trains': 'activations',
  unstable: 'chain',
  prevalence: 'bound',
  'identity-neuron': 'identity',
  'complex-networks': 'eq124',
  'other-obstacles': 'activations',
  'what-helps': 'seeds',
};

describe('the lesson steps', () => {
  it('are 12 steps that follow the chapter’s sections in order', () => {
    expect(LESSON_STEP_COUNT).toBe(12);
    expect(LESSON_STEPS.map((s) => s.id)).toEqual([...LESSON_STEP_IDS]);
    const order = ['vanishing', 'causes', 'complex', 'obstacles'];
    const sections = LESSON_STEPS.map((s) => order.indexOf(s.section));
    expect(sections).toEqual([...sections].sort((a, b) => a - b));
    expect(new Set(sections).size).toBe(4);
  });

  LESSON_STEPS.forEach((step, i) => {
    const n = i + 1;
    it(`step ${n} (${step.id}) sets the lab up as it says, from a far-off configuration`, () => {
      const { client, store } = connected();
      const configuresBefore = client.sent.filter((m) => m.type === 'configure').length;
      const runIdBefore = store.getState().runId;
      goToLessonStep(store, n);
      const state = store.getState();
      expect(state.lesson).toBe(n);
      expect(step.panel).toBe(PANEL[step.id]);
      const expected = EXPECTED[step.id];
      if (expected === null) {
        // An instrument step: the network and its run are left exactly as they were.
        expect(state.runId).toBe(runIdBefore);
        expect(client.sent.filter((m) => m.type === 'configure')).toHaveLength(configuresBefore);
        expect(state.config.layers).toEqual([784, 50, 10]);
        return;
      }
      expect(state.config).toMatchObject(expected);
      // What the step does not name stays as the reader left it.
      expect(state.config.seed).toBe(7);
      // The worker is told to build exactly that network, and the exploding preset is on only where the step wants it.
      expect(client.last('configure')?.config).toMatchObject({
        layers: expected.layers,
        mode: expected.mode,
        activation: expected.activation,
      });
      expect(state.status).toBe('idle');
      if (expected.exploding) {
        const preset = client.last('set-preset');
        const configured = client.last('configure');
        expect(preset?.exploding === true || configured?.config.exploding === true).toBe(true);
      }
    });
  });

  it('a step whose network is already set up starts it again from the seed, like a figure button', () => {
    const { client, store } = connected('');
    goToLessonStep(store, 1);
    const runId = store.getState().runId;
    // The default network is fig. 4's: nothing to rebuild, so the run is reset instead.
    expect(client.last('reset')).toEqual({ type: 'reset', runId });
  });

  it('Next, Back and close move through the steps and leave the lab as the last step set it', () => {
    const { store } = connected('');
    goToLessonStep(store, 1);
    previousLessonStep(store);
    expect(store.getState().lesson).toBe(1);
    for (let n = 2; n <= LESSON_STEP_COUNT; n++) {
      nextLessonStep(store);
      expect(store.getState().lesson).toBe(n);
    }
    expect(store.getState().config).toMatchObject({ activation: 'relu', init: 'he' });
    previousLessonStep(store);
    expect(store.getState().lesson).toBe(LESSON_STEP_COUNT - 1);
    expect(store.getState().config.mode).toBe('sgd');
    const config = store.getState().config;
    closeLesson(store);
    expect(store.getState().lesson).toBeNull();
    expect(store.getState().config).toBe(config);
    // Next after the last step closes the lesson; closed, Next and Back do nothing.
    goToLessonStep(store, LESSON_STEP_COUNT);
    nextLessonStep(store);
    expect(store.getState().lesson).toBeNull();
    nextLessonStep(store);
    previousLessonStep(store);
    expect(store.getState().lesson).toBeNull();
  });

  it('a lesson=N link opens step N and sets the lab up for it', () => {
    const { store } = connected('?lesson=5');
    expect(store.getState().lesson).toBe(5);
    applyLessonFromUrl(store);
    expect(store.getState().config).toMatchObject({ layers: FOUR, exploding: true });
    const none = connected('');
    const before = none.store.getState().runId;
    applyLessonFromUrl(none.store);
    expect(none.store.getState().runId).toBe(before);
    expect(none.store.getState().lesson).toBeNull();
  });

  it('refuses a step that does not exist, naming the range', () => {
    const { store } = connected('');
    expect(() => goToLessonStep(store, 0)).toThrow('the lesson has steps 1 to 12, not 0');
    expect(() => goToLessonStep(store, 13)).toThrow('not 13');
    expect(() => store.getState().setLesson(2.5)).toThrow('not 2.5');
    expect(() => lessonStep(99)).toThrow('not 99');
  });

  it('links every step to its section of the original chapter', () => {
    expect(chapterLink('vanishing')).toBe('http://neuralnetworksanddeeplearning.com/chap5.html#the_vanishing_gradient_problem');
    for (const step of LESSON_STEPS)
      expect(chapterLink(step.section)).toMatch(/^http:\/\/neuralnetworksanddeeplearning\.com\/chap5\.html#\S+$/);
  });
});

describe('the lesson text', () => {
  for (const [lang, text] of Object.entries(LESSON_TEXT)) {
    it(`${lang}: every step has a title, a citation, an explanation, what to look for and a question`, () => {
      expect(Object.keys(text.steps).sort()).toEqual([...LESSON_STEP_IDS].sort());
      for (const id of LESSON_STEP_IDS) {
        const words = text.steps[id];
        for (const field of ['title', 'cite', 'explain', 'look', 'question'] as const)
          expect(words[field].trim(), `${id}.${field}`).not.toBe('');
      }
      expect(text.ui.progress(3, 12)).toMatch(/3.*12/);
    });
  }

  it('zh-CN uses the translation’s terms, shows 偏置 beside 偏移量 the first time, and names the chapter’s Chinese title', () => {
    const zh = LESSON_TEXT['zh-CN'];
    const all = LESSON_STEP_IDS.map((id) => Object.values(zh.steps[id]).join(' ')).join(' ');
    for (const term of ['隐藏层', '学习速度', '梯度爆炸问题', '不稳定梯度问题', '偏移量']) expect(all).toContain(term);
    expect(all.indexOf('偏移量（偏置）')).toBe(all.indexOf('偏移量'));
    expect(zh.sections.vanishing).toBe('梯度消失问题');
    expect(zh.ui.translationNote).toContain('第五章 为什么深度神经网络很难训练');
    expect(zh.ui.progress(3, 12)).toBe('第 3 步，共 12 步');
    expect(LESSON_TEXT.en.ui.progress(3, 12)).toBe('Step 3 of 12');
  });

  it('cites the equation each step rests on', () => {
    const cite = (id: LessonStepId) => LESSON_TEXT.en.steps[id].cite;
    expect(cite('bars-at-init')).toBe('Fig. 4');
    expect(cite('learning-speed')).toBe('Figs. 5-7');
    expect(cite('one-neuron-chain')).toContain('Eq. 122');
    expect(cite('prevalence')).toBe('Eq. 123');
    expect(cite('complex-networks')).toBe('Eq. 124');
  });
});
