/**
 * `npm run bench`: the engine benchmark, then the page benchmark in Chromium. With --peers the engine runs
 * interleaved with the NumPy and TF.js peers instead (peers.ts, which lists its options), and prints ratios.
 * Each runs in its own process so one cannot warm up or slow down the other. With --json the two reports are
 * merged into ONE line: {"results":[engine configs…],"machine":{…},"page":{…}}; "page" holds the page
 * report, or {"skipped": reason} where Chromium is missing.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumAvailable, CHROMIUM_PATH } from '../support/browser';

const here = dirname(fileURLToPath(import.meta.url));
const tsx = join(here, '..', 'node_modules', '.bin', 'tsx');
const args = process.argv.slice(2);
const json = args.includes('--json');
const peers = args.includes('--peers');
const engineScript = peers ? 'peers.ts' : 'engine.bench.ts';

function run(script: string): string {
  const child = spawnSync(tsx, [join(here, script), ...args], {
    stdio: ['ignore', json ? 'pipe' : 'inherit', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (child.status !== 0) {
    process.stderr.write(`bench: ${script} failed (exit ${child.status ?? child.signal})\n`);
    process.exit(child.status ?? 1);
  }
  return child.stdout ?? '';
}

/** The last line of a child's output that parses as a JSON object. */
function lastJson(output: string): Record<string, unknown> {
  const lines = output.trim().split('\n').reverse();
  for (const line of lines) {
    if (line.startsWith('{')) return JSON.parse(line) as Record<string, unknown>;
  }
  throw new Error('a benchmark printed no JSON line');
}

const pageSkipped = chromiumAvailable() ? null : `Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`;
if (json) {
  const engine = lastJson(run(engineScript));
  const page = pageSkipped ? { skipped: pageSkipped } : lastJson(run('page.bench.ts'));
  process.stdout.write(`${JSON.stringify({ ...engine, page })}\n`);
} else {
  run(engineScript);
  console.log('');
  if (pageSkipped) console.log(`page benchmark skipped: ${pageSkipped}`);
  else run('page.bench.ts');
}
