/**
 * Why a dropped file was not loaded, in English (the parsers' own words, src/export/problem.ts), and the
 * notes a loaded workspace adds.
 */
import { describeImportProblem } from '../../export/problem';
import { numberFormats } from '../number';

const n = numberFormats('en');

export const importErrorsEn = {
  problem: describeImportProblem,
  skippedRuns: (count: number) =>
    count === 1
      ? '1 pinned run in the file could not be read and was left out.'
      : `${n.int(count)} pinned runs in the file could not be read and were left out.`,
};
