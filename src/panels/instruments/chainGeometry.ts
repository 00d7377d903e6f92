/**
 * Where the chain instrument puts things: one column per node of a₀ → neuron 1..4 → C, so that every factor
 * of eq. 122 sits under the neuron it comes from, and the ∂C/∂bⱼ bars under their neurons on a log scale.
 */
import { scaleLog, type ScaleLogarithmic } from 'd3';
import { CHAIN_LENGTH, type ChainGradients } from '../../engine';

export const CHAIN_BOX = { width: 810, height: 430 };

/** x of column k: 0 = a₀, 1..4 = neurons, 5 = the cost C. */
export function columnX(k: number): number {
  return 130 + 120 * k;
}

export const ROW = {
  node: 52,
  factor: 132,
  product: 182,
  barTop: 240,
  barBottom: 400,
};

/** |∂C/∂bⱼ| below this is drawn at the floor of the scale and marked as such. */
export const GRAD_FLOOR = 1e-10;
export const GRAD_CEIL = 1e4;

export function gradScale(): ScaleLogarithmic<number, number> {
  return scaleLog().domain([GRAD_FLOOR, GRAD_CEIL]).range([ROW.barBottom, ROW.barTop]).clamp(true);
}

/** The names of eq. 122's factors as the page labels them: σ′(z1), w2σ′(z2), w3σ′(z3), w4σ′(z4), ∂C/∂a4. */
export function factorNames(): string[] {
  const names = ['σ′(z1)'];
  for (let j = 2; j <= CHAIN_LENGTH; j++) names.push(`w${j}σ′(z${j})`);
  names.push(`∂C/∂a${CHAIN_LENGTH}`);
  return names;
}

export interface GradBar {
  /** Neuron index j = 1..4 */
  j: number;
  /** ∂C/∂bⱼ, signed */
  grad: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** True when |∂C/∂bⱼ| is below the floor (or exactly 0) and the bar is only a stub. */
  belowFloor: boolean;
}

export function gradBars(g: ChainGradients, barWidth = 40): GradBar[] {
  const scale = gradScale();
  return g.gradB.map((grad, i) => {
    const abs = Math.abs(grad);
    const belowFloor = !(abs >= GRAD_FLOOR);
    const top = belowFloor ? ROW.barBottom - 2 : scale(abs);
    return {
      j: i + 1,
      grad,
      x: columnX(i + 1) - barWidth / 2,
      y: top,
      width: barWidth,
      height: ROW.barBottom - top,
      belowFloor,
    };
  });
}

/** Decade ticks of the bar scale, every second decade so the labels do not collide. */
export function gradTicks(): number[] {
  const ticks: number[] = [];
  for (let e = Math.log10(GRAD_FLOOR); e <= Math.log10(GRAD_CEIL); e += 2) ticks.push(10 ** e);
  return ticks;
}
