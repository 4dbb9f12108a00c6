// Focus never hides under the sticky bars (WCAG 2.2, 2.4.11 Focus not
// obscured). On a phone the tally sits in a bar fixed to the bottom; on every
// size a notice line can stick to the top. Tabbing from card to card, and
// moving between a card's three radios with the arrow keys, must leave the
// focused radio's label in view, drawn on top: what is painted at its centre
// is the label itself. On 2dd9cf1, points 5 and 8's Russia sat at y = 806 of
// 844 under the phone's bar.
const { test, expect } = require('@playwright/test');
const { POINTS, openPage } = require('./helpers');

/**
 * Once the page has not scrolled for two frames in a row (a smooth scroll has
 * settled): which radio has focus, and whether what is painted at the centre
 * of its label is the label itself. A smooth scroll can begin some frames after
 * the key press on a busy machine, so a label not yet on top is looked at again
 * at each settled moment for up to two seconds: one left hidden stays hidden.
 * One round trip per key press.
 */
async function settledFocus(page) {
  return page.evaluate(() => new Promise((resolve) => {
    let last = -1;
    let still = 0;
    const until = performance.now() + 2000;
    const check = () => {
      const input = document.activeElement;
      const label = input && input.closest('label');
      if (!input || input.type !== 'radio' || !label) return { radio: false };
      const r = label.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const hit = document.elementFromPoint(x, y);
      return { radio: true, name: `${input.name} ${input.value}`, y: Math.round(y), onTop: !!hit && label.contains(hit) };
    };
    const tick = () => {
      if (window.scrollY === last) still++; else still = 0;
      last = window.scrollY;
      if (still >= 2) {
        const state = check();
        if (state.onTop || performance.now() > until) return resolve(state);
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
}

test('tabbing through every radio of every card leaves each focused label in view, on top', async ({ page }) => {
  // 84 radios, each waited for until its scroll has settled, on a machine that may be busy.
  test.setTimeout(240_000);
  await openPage(page);
  await page.getByRole('heading', { level: 1 }).click();
  const seen = [];
  const hidden = [];
  for (let n = 1; n <= POINTS; n++) {
    // Tab to the card's radio group (past links, the fuller wording, Clear…).
    let found = false;
    for (let presses = 0; presses < 40 && !found; presses++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate((name) => document.activeElement?.name === name, `point-${n}-tag`);
    }
    expect(found, `Tab reaches point ${n}'s radios`).toBe(true);
    for (let i = 0; i < 3; i++) {
      if (i > 0) await page.keyboard.press('ArrowRight');
      const state = await settledFocus(page);
      expect(state.radio, `point ${n}, radio ${i + 1} has focus`).toBe(true);
      seen.push(state.name);
      if (!state.onTop) hidden.push(`${state.name} at y=${state.y}`);
    }
  }
  expect(seen).toHaveLength(POINTS * 3);
  expect(hidden).toEqual([]);
});
