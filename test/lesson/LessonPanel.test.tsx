// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/app/App';
import { applyLessonFromUrl, goToLessonStep } from '../../src/lesson/apply';
import { CONTROL_MARK, findControl, findPanel, markStep, PANEL_MARK } from '../../src/lesson/marks';
import { LESSON_STEPS, lessonStep } from '../../src/lesson/steps';
import { createLabStore } from '../../src/store/store';
import { createFakeClient } from '../store/fakeClient';

// jsdom lays nothing out: every element has no boxes and there is no scrollIntoView. Pretend everything is
// on screen and record the scrolls.
const scrolled: Element[] = [];
beforeEach(() => {
  scrolled.length = 0;
  vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(() => [{}] as unknown as DOMRectList);
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderLab(search: string) {
  const client = createFakeClient();
  const store = createLabStore({ client, search });
  store.getState().connect();
  applyLessonFromUrl(store);
  const view = render(<App store={store} />);
  return { ...view, client, store };
}

const lesson = () => screen.getByRole('region', { name: /Lesson|课程/ });

describe('the lesson panel', () => {
  it('opens at the step a link names, with the progress, the section, the chapter link and the question', () => {
    renderLab('?lesson=4');
    const panel = lesson();
    expect(within(panel).getByText('Step 4 of 12')).toBeTruthy();
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe('The exploding gradient problem: the recipe');
    expect(within(panel).getByText(/^§ What's causing the vanishing gradient problem\? .* · Eq\. 122$/)).toBeTruthy();
    const link = within(panel).getByRole('link', { name: 'Read this section in the chapter' });
    expect(link.getAttribute('href')).toBe(
      "http://neuralnetworksanddeeplearning.com/chap5.html#what's_causing_the_vanishing_gradient_problem_unstable_gradients_in_deep_neural_nets",
    );
    expect(within(panel).getByText(/Press “Exploding recipe”/)).toBeTruthy();
    // The step's panel and control are marked, and its panel brought into view.
    const chain = document.querySelector('.chain-instrument');
    expect(chain?.hasAttribute(PANEL_MARK)).toBe(true);
    expect(screen.getByRole('button', { name: 'Exploding recipe' }).hasAttribute(CONTROL_MARK)).toBe(true);
    expect(scrolled).toContain(chain);
  });

  it('speaks Chinese when the page does, naming the translation’s chapter', () => {
    renderLab('?lesson=1&lang=zh-CN');
    const panel = lesson();
    expect(within(panel).getByText('第 1 步，共 12 步')).toBeTruthy();
    expect(within(panel).getByRole('heading', { level: 2 }).textContent).toBe('两个隐藏层，训练开始之前');
    expect(within(panel).getByText('中文译本：第五章 为什么深度神经网络很难训练')).toBeTruthy();
    expect(within(panel).getByRole('button', { name: '下一步' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '课程' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('Next, Back, the dots and ← → move between steps; the marks follow; Escape closes and keeps the lab', async () => {
    const user = userEvent.setup();
    const { store, client } = renderLab('');
    expect(screen.queryByRole('region', { name: 'Lesson' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Lesson' }));
    expect(within(lesson()).getByText('Step 1 of 12')).toBeTruthy();
    // Opening takes the focus to the step's heading.
    expect(document.activeElement).toBe(within(lesson()).getByRole('heading', { level: 2 }));
    await user.click(within(lesson()).getByRole('button', { name: 'Next' }));
    expect(within(lesson()).getByText('Step 2 of 12')).toBeTruthy();
    expect(store.getState().config.layers).toEqual([784, 30, 30, 30, 30, 10]);
    expect(document.querySelector('.speed-panel')?.hasAttribute(PANEL_MARK)).toBe(true);
    expect(document.querySelector('.network-panel')?.hasAttribute(PANEL_MARK)).toBe(false);

    // → turns the page while the lesson is open instead of stepping an epoch; Shift+→ still steps ten.
    const stepsBefore = client.sent.filter((m) => m.type === 'step').length;
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(store.getState().lesson).toBe(3);
    fireEvent.keyDown(window, { key: 'ArrowLeft' });
    expect(store.getState().lesson).toBe(2);
    fireEvent.keyDown(window, { key: 'ArrowRight', shiftKey: true });
    expect(client.sent.filter((m) => m.type === 'step')).toHaveLength(stepsBefore + 1);
    expect(client.last('step')?.count).toBe(10);
    expect(store.getState().lesson).toBe(2);

    await user.click(within(lesson()).getByRole('button', { name: /^Step 9:/ }));
    expect(store.getState().lesson).toBe(9);
    expect(
      within(lesson())
        .getByRole('button', { name: /^Step 9:/ })
        .getAttribute('aria-current'),
    ).toBe('step');
    await user.click(within(lesson()).getByRole('button', { name: 'Back' }));
    expect(store.getState().lesson).toBe(8);

    const config = store.getState().config;
    fireEvent.keyDown(within(lesson()).getByRole('button', { name: 'Back' }), { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Lesson' })).toBeNull();
    expect(store.getState().config).toBe(config);
    expect(document.querySelectorAll(`[${PANEL_MARK}], [${CONTROL_MARK}]`)).toHaveLength(0);
    // Closed, → steps one epoch again.
    fireEvent.keyDown(window, { key: 'ArrowRight' });
    expect(client.last('step')?.count).toBe(1);
  });

  it('Finish on the last step closes the lesson', async () => {
    const user = userEvent.setup();
    const { store } = renderLab('?lesson=12');
    await user.click(within(lesson()).getByRole('button', { name: 'Finish' }));
    expect(store.getState().lesson).toBeNull();
    expect(store.getState().config.activation).toBe('relu');
  });

  it('finds every step’s panel and control on the page', () => {
    const { store } = renderLab('');
    for (const [i, step] of LESSON_STEPS.entries()) {
      act(() => goToLessonStep(store, i + 1));
      expect(findPanel(document, step.panel), `${step.id} panel`).not.toBeNull();
      expect(findControl(document, step.control), `${step.id} control`).not.toBeNull();
    }
  });

  it('a step whose panel is not rendered still marks its control and scrolls to it instead', () => {
    renderLab('');
    const withoutActivations = (el: Element) => el.closest('#activations-panel') === null;
    const marked = markStep(document, lessonStep(11), { scroll: 'auto', rendered: withoutActivations });
    const initField = document.querySelector('.controls-panel select option[value="xavier"]')?.closest('.field');
    expect(marked.control).toBe(initField);
    expect(initField?.hasAttribute(CONTROL_MARK)).toBe(true);
    expect(scrolled.at(-1)).toBe(initField);
    marked.clear();
  });

  it('marks and scrolls to the saturation panel', () => {
    renderLab('');
    const panel = document.getElementById('activations-panel');
    expect(panel).not.toBeNull();
    const marked = markStep(document, lessonStep(6), { scroll: 'auto' });
    expect(marked.panel).toBe(panel);
    expect(panel?.hasAttribute(PANEL_MARK)).toBe(true);
    expect(scrolled.at(-1)).toBe(panel);
    marked.clear();
    expect(panel?.hasAttribute(PANEL_MARK)).toBe(false);
  });

  it('skips whatever is not rendered: a hidden panel is not scrolled to, a hidden control gives way to the next', () => {
    renderLab('');
    const hidden = (el: Element) => !el.closest('.sidebar, .instruments-section');
    const marked = markStep(document, lessonStep(3), { scroll: 'smooth', rendered: hidden });
    expect(marked.panel?.classList.contains('chain-instrument')).toBe(true);
    expect(marked.control).toBeNull();
    expect(scrolled).toHaveLength(0);
    marked.clear();
    // Start lives in the sidebar and in the run bar; with the sidebar hidden the run bar's is outlined.
    const start = findControl(document, lessonStep(2).control, hidden);
    expect(start?.closest('.run-bar')).not.toBeNull();
  });
});
