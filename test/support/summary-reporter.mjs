// Prints the plain closing line CI reads: `N passed, N failed, N skipped`.
// wtr prints its own output after every reporter's stop(), so the line is written on process exit
// to make it truly last. A session that failed without a failing test (a file that did not load,
// a browser crash) counts as one failure, so the line never claims success for a broken run.

import { writeFileSync } from 'node:fs';

function countSuite(suite, totals) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite.suites ?? []) countSuite(child, totals);
}

export function summaryReporter() {
  const totals = { passed: 0, failed: 0, skipped: 0 };
  return {
    stop({ sessions }) {
      for (const session of sessions) {
        const before = totals.failed;
        if (session.testResults) countSuite(session.testResults, totals);
        const sessionBroken = !session.passed || (session.errors?.length ?? 0) > 0;
        if (sessionBroken && totals.failed === before) totals.failed++;
      }
      // Under test/run.mjs the totals go to a file and run.mjs prints the combined line.
      const file = process.env.MAONI_SUMMARY_FILE;
      if (file) writeFileSync(file, JSON.stringify(totals));
      else {
        process.once('exit', () => {
          process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
        });
      }
    },
  };
}
