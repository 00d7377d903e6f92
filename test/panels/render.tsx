/** Renders a piece of the page around its own store and fake worker. */
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { LabProvider } from '../../src/store/hooks';
import { createLabStore } from '../../src/store/store';
import { createFakeClient } from '../store/fakeClient';

export function renderWithStore(ui: ReactElement, search = '') {
  const client = createFakeClient();
  const store = createLabStore({ client, search });
  store.getState().connect();
  const result = render(<LabProvider store={store}>{ui}</LabProvider>);
  return { ...result, client, store };
}
