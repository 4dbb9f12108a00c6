const { chromium } = require('@playwright/test');
(async () => {
  const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic','--disable-dev-shm-usage'] });
  const p = await b.newPage();
  await p.goto('http://127.0.0.1:4199/');
  await p.waitForTimeout(400);
  await p.locator('#point-1 input[value=russia]').check();
  await p.locator('#point-2 input[value=neutral]').check();
  await p.pdf({ path: '/tmp/shots/print.pdf', format: 'A4' });
  await b.close();
})();
