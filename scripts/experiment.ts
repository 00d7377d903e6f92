/**
 * `npm run experiment -- <name> [options]`: the chapter's measurements from the command line, on the same
 * engine as the page. Results go to stdout (a table, or JSON with --json), progress to stderr.
 * Any mistake in the options or the data, or a run that diverges, ends with one line on stderr and a non-zero
 * exit code; with --json, stdout then carries the same message as {"error": …, "exitCode": …}.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DataFileError } from '../src/data/idx';
import { loadMnist } from '../src/data/node';
import { parseArgs, USAGE, UsageError } from './experiment-args';
import { formatResult, runAccuracy, runInitialNorms, runTrainingSpeed, type ExperimentResult } from './experiment-runs';
import { formatSaturation, runSaturation, type SaturationResult } from './experiment-saturation';

export interface Io {
  out(text: string): void;
  err(line: string): void;
}

const processIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Exit codes: 0 done, 1 unusable data, 2 bad options, 3 the run itself failed. */
export function main(argv: readonly string[], io: Io = processIo): number {
  // Asked for before the options are parsed, so that a mistake in them is reported as JSON too.
  const json = wantsJson(argv);
  const fail = (message: string, exitCode: number): number => {
    io.err(`experiment: ${message}`);
    if (json) io.out(JSON.stringify({ error: message, exitCode }));
    return exitCode;
  };

  let config: ReturnType<typeof parseArgs>;
  try {
    config = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) return fail(err.message, 2);
    throw err;
  }
  if (config === 'help') {
    io.out(USAGE);
    return 0;
  }

  let data: ReturnType<typeof loadMnist>;
  try {
    data = loadMnist(config.dataDir ?? undefined);
  } catch (err) {
    if (err instanceof DataFileError) return fail(err.message, 1);
    throw err;
  }

  const log = (line: string) => io.err(line);
  let result: ExperimentResult | SaturationResult;
  try {
    if (config.experiment === 'initial-norms') result = runInitialNorms(config, data.training, log);
    else if (config.experiment === 'training-speed') result = runTrainingSpeed(config, data.training, log);
    else if (config.experiment === 'saturation') result = runSaturation(config, data, log);
    else result = runAccuracy(config, data, log);
  } catch (err) {
    // Options that only the data can refuse (a mini-batch larger than a small --data set) are still bad options.
    if (err instanceof UsageError) return fail(err.message, 2);
    // An engine refusal (e.g. a RangeError about sizes) is still one readable line, not a stack trace.
    return fail(`${config.experiment} failed: ${err instanceof Error ? err.message : String(err)}`, 3);
  }

  // A diverged run still prints what it measured, but its numbers are no result: a script running a sweep
  // must see the failure in the exit code, not only in a warning line.
  const diverged = divergence(result);
  const readable = (r: ExperimentResult | SaturationResult) => (r.experiment === 'saturation' ? formatSaturation(r) : formatResult(r));
  if (diverged === null) {
    io.out(config.json ? JSON.stringify(result) : readable(result));
    return 0;
  }
  const exitCode = 3;
  // With --json, stdout stays one JSON object: the measurements, and the error beside them.
  io.out(config.json ? JSON.stringify({ ...result, error: diverged, exitCode }) : readable(result));
  io.err(`experiment: ${diverged}`);
  return exitCode;
}

function wantsJson(argv: readonly string[]): boolean {
  return argv.includes('--json');
}

/** The one-line failure of a run whose training went to infinity or NaN; null when it did not. */
export function divergence(result: ExperimentResult | SaturationResult): string | null {
  if (result.experiment === 'initial-norms' || result.divergedAtEpoch === null) return null;
  const what = result.experiment === 'training-speed' ? 'a gradient norm' : 'the training cost';
  return `${result.experiment} diverged: from epoch ${result.divergedAtEpoch} ${what} is not finite (try a smaller --eta)`;
}

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    const message = `unexpected failure: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`experiment: ${message}\n`);
    if (wantsJson(process.argv.slice(2))) process.stdout.write(`${JSON.stringify({ error: message, exitCode: 3 })}\n`);
    process.exitCode = 3;
  }
}
