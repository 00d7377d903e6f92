/**
 * `npm run experiment -- <name> [options]`: the chapter's measurements from the command line, on the same
 * engine as the page. Results go to stdout (a table, or JSON with --json), progress to stderr.
 * Any mistake in the options or the data ends the run with one line on stderr and a non-zero exit code.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DataFileError } from '../src/data/idx';
import { loadMnist } from '../src/data/node';
import { parseArgs, USAGE, UsageError } from './experiment-args';
import { formatResult, runAccuracy, runInitialNorms, runTrainingSpeed, type ExperimentResult } from './experiment-runs';

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
  let config: ReturnType<typeof parseArgs>;
  try {
    config = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`experiment: ${err.message}`);
      return 2;
    }
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
    if (err instanceof DataFileError) {
      io.err(`experiment: ${err.message}`);
      return 1;
    }
    throw err;
  }

  const log = (line: string) => io.err(line);
  let result: ExperimentResult;
  try {
    if (config.experiment === 'initial-norms') result = runInitialNorms(config, data.training, log);
    else if (config.experiment === 'training-speed') result = runTrainingSpeed(config, data.training, log);
    else result = runAccuracy(config, data, log);
  } catch (err) {
    // Options that only the data can refuse (a mini-batch larger than a small --data set) are still bad options.
    if (err instanceof UsageError) {
      io.err(`experiment: ${err.message}`);
      return 2;
    }
    // An engine refusal (e.g. a RangeError about sizes) is still one readable line, not a stack trace.
    io.err(`experiment: ${config.experiment} failed: ${err instanceof Error ? err.message : String(err)}`);
    return 3;
  }
  io.out(config.json ? JSON.stringify(result) : formatResult(result));
  return 0;
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
    process.stderr.write(`experiment: unexpected failure: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 3;
  }
}
