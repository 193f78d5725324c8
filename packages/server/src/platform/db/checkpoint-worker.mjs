// The checkpointer's thread (checkpointer.ts starts it). Plain JavaScript because
// worker threads load their module without the TypeScript loader of the server.
//
// It copies the WAL back into the database file with PASSIVE checkpoints on a
// connection of its own, which block no one. Those never let the WAL start over
// while writes keep coming in behind them, and a WAL that only grows slows every
// read. So once the WAL is long, it pauses and has the server's connection copy
// the last few pages between two of its transactions; the next write then starts
// the WAL from its beginning.
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

const { file, everyMs, restartPages } = workerData;
const sqlite = new SQLite(file);
sqlite.pragma('busy_timeout = 1000');

/** Copies what it can; `log` is the WAL's length in pages, `checkpointed` how many are copied. */
const passive = () => sqlite.pragma('wal_checkpoint(PASSIVE)')[0];
let waitingForServer = false;

function pass() {
  if (waitingForServer || passive().log < restartPages) return;
  // Once more: the first pass took long enough for new pages to arrive behind it.
  passive();
  waitingForServer = true;
  parentPort.postMessage({ longWal: true });
}

function finish() {
  clearInterval(timer);
  sqlite.close();
  parentPort.close();
}

const timer = setInterval(() => {
  try {
    pass();
  } catch (error) {
    // The server hands checkpoints back to SQLite; this thread is done.
    parentPort.postMessage({ failed: String(error?.message ?? error) });
    finish();
  }
}, everyMs);

parentPort.postMessage({ ready: true });
parentPort.on('message', (message) => {
  if (message === 'copied') waitingForServer = false;
  else if (message === 'stop') finish();
});
