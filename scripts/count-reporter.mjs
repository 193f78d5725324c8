// A Node test-runner reporter that writes one line, "N passed, N failed, N skipped",
// counting tests but not the suites around them, then each failed test with the
// start of its error. run-tests.mjs prints this last, so the end of a long log
// says why a run failed, not only that it did.
import path from 'node:path';

const ERROR_LINES = 8;

/** The first lines of what failed: the test's own error rather than the runner's wrapper. */
function describeError(error) {
  const cause = error?.cause ?? error;
  const text = cause?.stack ?? cause?.message ?? String(cause);
  return text
    .split('\n')
    .filter((line) => !/\(node:|at node:/.test(line))
    .slice(0, ERROR_LINES);
}

export default async function* countReporter(source) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failures = [];
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    if (event.data.details?.type === 'suite') continue;
    if (event.data.skip || event.data.todo) skipped++;
    else if (event.type === 'test:pass') passed++;
    else {
      failed++;
      failures.push({
        where: event.data.file,
        name: event.data.name,
        error: event.data.details?.error,
      });
    }
  }
  yield `${passed} passed, ${failed} failed, ${skipped} skipped\n`;
  for (const { where, name, error } of failures) {
    const file = where ? path.relative(process.cwd(), where) : 'an unknown file';
    yield `\n✖ ${name}\n  in ${file}\n`;
    for (const line of describeError(error)) yield `    ${line}\n`;
  }
}
