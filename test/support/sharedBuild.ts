/**
 * Vitest global set-up: gives the run one folder for the production build that the end-to-end files share
 * (see buildApp in support/browser.ts). Nothing is built here, so a unit-only run pays nothing; the folder
 * is removed when the run ends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHARED_BUILD_ENV } from '../../support/browser';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'gradient-lab-run-'));
  process.env[SHARED_BUILD_ENV] = root;
  return () => rmSync(root, { recursive: true, force: true });
}
