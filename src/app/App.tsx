/**
 * The page: controls on the left, the network big in the middle, then the learning-speed chart and table,
 * accuracy and pinned runs, and the chapter's formula instruments. The store is passed in, so the same
 * App runs on the real worker in the browser and on a fake one in tests.
 */
import { LabProvider, useLab, useLabFrame } from '../store/hooks';
import type { LabStore } from '../store/store';
import { AccuracyPanel } from '../panels/accuracy/AccuracyPanel';
import { CompareRuns } from '../panels/compare/CompareRuns';
import { ControlsPanel } from '../panels/controls/ControlsPanel';
import { Instruments } from '../panels/instruments/Instruments';
import { LearningSpeedPanel } from '../panels/learning-speed/LearningSpeedPanel';
import { Headline } from '../panels/network/Headline';
import { NetworkPanel } from '../panels/network/NetworkPanel';
import { StatusLine } from '../panels/status/StatusLine';
import { RunBar } from '../panels/controls/RunBar';
import { useT } from '../i18n/useT';
import { Toolbar } from './Toolbar';

export function App({ store }: { store: LabStore }) {
  return (
    <LabProvider store={store}>
      <Page />
    </LabProvider>
  );
}

/**
 * The stage is a grid with named areas, so presentation mode can put the headline, the bars and the chart
 * on one screen by stylesheet alone, without remounting the panels (which would restart their drawing).
 */
function Page() {
  const presenting = useLab((s) => s.presenting);
  const m = useT();
  return (
    <div className={presenting ? 'app presenting' : 'app'}>
      <a className="skip-link" href="#main">
        {m.header.skipLink}
      </a>
      <header className="page-header">
        <h1>{m.header.title}</h1>
        <Toolbar />
      </header>
      <RunBar />
      <div className="layout">
        <aside className="sidebar">
          <ControlsPanel />
        </aside>
        <main id="main" className="main stage" tabIndex={-1}>
          <StatusLine />
          {/* The chapter's finding in one sentence, in the stage's "headline" area above the bars. */}
          <div className="stage-headline">
            <Headline />
          </div>
          <NetworkPanel />
          <LearningSpeedPanel />
          <div className="row">
            <AccuracyPanel />
            <CompareRuns />
          </div>
          <InstrumentsSection />
        </main>
      </div>
    </div>
  );
}

/** The instruments' eq. 124 panel reads the latest probe; at most one re-render per animation frame. */
function InstrumentsSection() {
  const snapshot = useLabFrame((s) => s.snapshot);
  const activation = useLab((s) => s.config.activation);
  const m = useT();
  return (
    <section className="instruments-section" aria-label={m.header.instruments}>
      <Instruments snapshot={snapshot ?? undefined} activation={activation} />
    </section>
  );
}
