/**
 * The chapter's analytic instruments (eqs. 114-124): the four-neuron chain, σ and σ′, the 0.45 bound, the
 * identity neuron, and eq. 124 measured in the network being trained (which needs the latest snapshot).
 */
import { memo } from 'react';
import type { ActivationName } from '../../engine';
import type { Snapshot } from '../../worker/protocol';
import './instruments.css';
import { BoundPanel } from './BoundPanel';
import { ChainPanel } from './ChainPanel';
import { Eq124Panel } from './Eq124Panel';
import { IdentityPanel } from './IdentityPanel';
import { SigmaPanel } from './SigmaPanel';

export interface InstrumentsProps {
  /** The worker's latest snapshot; eq. 124's panel waits for it, the others do not need it. */
  snapshot?: Snapshot;
  /** The live network's hidden activation, so eq. 124's panel names the right derivative. */
  activation?: ActivationName;
}

/** The four self-contained instruments; memoised so a new snapshot re-renders only eq. 124's panel. */
const LocalInstruments = memo(function LocalInstruments() {
  return (
    <>
      <ChainPanel />
      <SigmaPanel />
      <BoundPanel />
      <IdentityPanel />
    </>
  );
});

export function Instruments({ snapshot, activation = 'sigmoid' }: InstrumentsProps = {}) {
  return (
    <div className="instruments">
      <LocalInstruments />
      <Eq124Panel snapshot={snapshot} activation={activation} />
    </div>
  );
}
