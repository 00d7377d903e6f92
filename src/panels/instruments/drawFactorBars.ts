/** D3 draws eq. 124's per-layer norm bars inside a <g> that React created and never renders into. */
import { select } from 'd3';
import { FACTOR_BOX, factorBarWidth, factorScale, type FactorRow } from './eq124Geometry';
import { formatNorm } from './format';
import { instrumentsEn } from '../../i18n/groups/instruments.en';
import { palette } from '../../app/palette';
import { FACTOR_NOT_APPLICABLE, factorNotApplicable } from '../common/factorNote';

type Words = typeof instrumentsEn;

/** The label next to a bar; a cure that makes the factor not applicable gets no bar and says so. */
const barLabel = (norm: number, words: Words) => (factorNotApplicable(norm) ? words.eq124.notApplicable : formatNorm(norm, words.numbers));

/** `words`: the instruments' messages in the page's language (English when the instrument stands alone). */
export function drawFactorBars(g: SVGGElement, rows: readonly FactorRow[], words: Words = instrumentsEn): void {
  const scale = factorScale();
  const root = select(g);
  const rowY = (i: number) => FACTOR_BOX.top + i * FACTOR_BOX.rowHeight;
  const bars = root
    .selectAll<SVGGElement, FactorRow>('g.factor-row')
    .data(rows, (d) => String(d.h))
    .join((enter) => {
      const row = enter.append('g').attr('class', 'factor-row');
      row
        .append('text')
        .attr('class', 'row-name small')
        .attr('x', FACTOR_BOX.left - 8)
        .attr('dy', '0.32em')
        .attr('text-anchor', 'end');
      row
        .append('rect')
        .attr('class', 'factor-bar')
        .attr('x', FACTOR_BOX.left)
        .attr('height', FACTOR_BOX.rowHeight * 0.6);
      row.append('text').attr('class', 'bar-value small').attr('dy', '0.32em');
      return row;
    })
    .attr('transform', (_, i) => `translate(0,${rowY(i) + FACTOR_BOX.rowHeight / 2})`);
  bars.select('text.row-name').text((d) => words.eq124.barRow(d.h));
  bars
    .select<SVGRectElement>('rect.factor-bar')
    .attr('y', -FACTOR_BOX.rowHeight * 0.3)
    .attr('width', (d) => factorBarWidth(d.factorNorm, scale))
    .attr('fill', (d) => (d.factorNorm >= 1 ? palette.growingFactor : palette.shrinkingFactor))
    .attr('data-h', (d) => d.h)
    .attr('data-norm', (d) => (factorNotApplicable(d.factorNorm) ? FACTOR_NOT_APPLICABLE : String(d.factorNorm)));
  bars
    .select('text.bar-value')
    .attr('x', (d) => FACTOR_BOX.left + factorBarWidth(d.factorNorm, scale) + 6)
    .text((d) => barLabel(d.factorNorm, words));
}
