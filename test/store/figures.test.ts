import { en } from '../../src/i18n/en';
import { zhCN } from '../../src/i18n/zh-CN';
import { describe, expect, it } from 'vitest';
import { applyFigure, bookNormsFor, figureById, figureWords, FIGURES, type FigureId } from '../../src/store/figures';
import { createLabStore } from '../../src/store/store';
import { createFakeClient } from './fakeClient';

function connected(search = '') {
  const client = createFakeClient();
  const store = createLabStore({ client, search });
  store.getState().connect();
  return { client, store };
}

const BOOK = { mode: 'learning-speed', activation: 'sigmoid', init: 'default', eta: 0.1, lambda: 5, momentum: 0 } as const;

const EXPECTED: Record<FigureId, { layers: number[]; exploding: boolean; runs: boolean }> = {
  fig4: { layers: [784, 30, 30, 10], exploding: false, runs: false },
  fig5: { layers: [784, 30, 30, 10], exploding: false, runs: true },
  fig6: { layers: [784, 30, 30, 30, 10], exploding: false, runs: true },
  fig7: { layers: [784, 30, 30, 30, 30, 10], exploding: false, runs: true },
  exploding: { layers: [784, 30, 30, 30, 30, 10], exploding: true, runs: false },
};

describe('figure presets', () => {
  it('are the chapter figures 4-7 and the exploding example, in that order', () => {
    expect(FIGURES.map((f) => figureWords(f.id, en).label)).toEqual(['Fig. 4', 'Fig. 5', 'Fig. 6', 'Fig. 7', 'Exploding example']);
    expect(FIGURES.map((f) => figureWords(f.id, zhCN).label)).toEqual(['图 4', '图 5', '图 6', '图 7', '梯度爆炸示例']);
  });

  for (const figure of FIGURES) {
    it(`"${figure.id}" sets exactly the configuration it names, from a different starting point`, () => {
      // Start far from every figure: ReLU, He, SGD, another η and λ, momentum, one hidden layer of 50.
      const { client, store } = connected('?layers=784,50,10&mode=sgd&activation=relu&init=he&eta=0.5&lambda=1&momentum=0.5&seed=7');
      const speedBefore = store.getState().config.speed;
      applyFigure(store, figure);
      const { config, status } = store.getState();
      const expected = EXPECTED[figure.id];
      expect(config).toMatchObject({ ...BOOK, layers: expected.layers, exploding: expected.exploding, epochs: 500 });
      // What the figure does not name stays as the user left it.
      expect(config.seed).toBe(7);
      expect(config.speed).toBe(speedBefore);
      // The worker builds exactly that network.
      expect(client.last('configure')?.config).toMatchObject({ ...BOOK, layers: expected.layers, exploding: expected.exploding });
      expect(client.last('start') !== undefined).toBe(expected.runs);
      expect(status).toBe(expected.runs ? 'running' : 'idle');
    });
  }

  it('a second click on the same figure starts again from fresh weights instead of doing nothing', () => {
    const { client, store } = connected();
    applyFigure(store, figureById('fig4'));
    const runId = store.getState().runId;
    applyFigure(store, figureById('fig4'));
    expect(store.getState().runId).toBe(runId + 1);
    expect(client.last('reset')).toEqual({ type: 'reset', runId: runId + 1 });
    expect(store.getState().status).toBe('idle');
  });

  it('turning the exploding example into fig. 7 switches the preset off on the same architecture', () => {
    const { client, store } = connected();
    applyFigure(store, figureById('exploding'));
    expect(store.getState().config.exploding).toBe(true);
    applyFigure(store, figureById('fig7'));
    expect(store.getState().config.exploding).toBe(false);
    expect(client.last('set-preset')).toMatchObject({ exploding: false });
  });
});

describe("the book's ‖δˡ‖ at epoch 0", () => {
  const sigmoid = { activation: 'sigmoid', init: 'default', exploding: false } as const;

  it('are the values printed in the chapter for two, three and four hidden layers of 30', () => {
    expect(bookNormsFor({ ...sigmoid, layers: [784, 30, 30, 10] })).toEqual([0.07, 0.31]);
    expect(bookNormsFor({ ...sigmoid, layers: [784, 30, 30, 30, 10] })).toEqual([0.012, 0.06, 0.283]);
    expect(bookNormsFor({ ...sigmoid, layers: [784, 30, 30, 30, 30, 10] })).toEqual([0.003, 0.017, 0.07, 0.285]);
  });

  it('are not offered for a network the book did not measure', () => {
    expect(bookNormsFor({ ...sigmoid, layers: [784, 30, 10] })).toBeNull();
    expect(bookNormsFor({ ...sigmoid, layers: [784, 30, 50, 10] })).toBeNull();
    expect(bookNormsFor({ ...sigmoid, activation: 'relu', layers: [784, 30, 30, 10] })).toBeNull();
    expect(bookNormsFor({ ...sigmoid, init: 'he', layers: [784, 30, 30, 10] })).toBeNull();
    expect(bookNormsFor({ ...sigmoid, exploding: true, layers: [784, 30, 30, 10] })).toBeNull();
  });
});
