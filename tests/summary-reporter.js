// Prints the "playwright: N passed, N failed" line that CI reads (Playwright's
// own summary line has another form), and keeps a copy for ./test to repeat last.
const fs = require('fs');
const path = require('path');

class SummaryReporter {
  constructor() { this.passed = 0; this.failed = 0; this.skipped = 0; }
  onTestEnd(test, result) {
    // Count each test once, by its final outcome (retries included).
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return;
    if (result.status === 'passed') this.passed += 1;
    else if (result.status === 'skipped') this.skipped += 1;
    else this.failed += 1;
  }
  onError() { this.failed += 1; }
  onEnd(result) {
    if (this.passed + this.failed === 0 && result.status !== 'passed') this.failed += 1;
    const line = `playwright: ${this.passed} passed, ${this.failed} failed` + (this.skipped ? `, ${this.skipped} skipped` : '');
    const dir = path.join(__dirname, '..', 'target', 'test-logs');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'playwright-summary.txt'), line + '\n');
    console.log(line);
  }
  printsToStdio() { return false; }
}
module.exports = SummaryReporter;
