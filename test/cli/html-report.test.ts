import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess, SHIPPED_CASSETTES, tempProject } from '../support/cli-process.ts';

/**
 * Debian's chromium, as .ci/run installs it (playwright-core downloads no browser); CHROMIUM_PATH
 * points elsewhere. CI must have it; on a developer's machine without it the suite is skipped
 * with a note, so that the README's quick start (`npm install`, `npm test`) holds there too.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!HAVE_CHROMIUM) {
  console.warn(
    `html-report: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`,
  );
}
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

describe.runIf(HAVE_CHROMIUM)('llm-cassette report --format html, in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders the cost and latency chart and the table, with no network', async () => {
    const run = await runCliProcess(['report', 'cassettes', '--format', 'html']);
    expect(run.code).toBe(0);
    const html = run.stdout;
    expect(html).not.toMatch(
      /<script|<link|https?:\/\/(?!www\.w3\.org\/2000\/svg)[^"\s<]+\.(js|css)/,
    );
    const root = await tempProject();
    const file = join(root, 'report.html');
    await writeFile(file, html);
    const cassettes = (await readdir(SHIPPED_CASSETTES)).filter((f) => f.endsWith('.json'));

    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href);

    const chart = page.locator('svg#cost-latency-chart');
    const box = await chart.boundingBox();
    expect(box?.width).toBeGreaterThan(500);
    expect(box?.height).toBeGreaterThan(cassettes.length * 10);
    expect(await chart.locator('rect.bar-latency').count()).toBe(cassettes.length);
    expect(await chart.locator('rect.bar-cost').count()).toBe(cassettes.length);
    // Every cassette has a recorded latency, so every latency bar is drawn with a width.
    const widths = await chart
      .locator('rect.bar-latency')
      .evaluateAll((rects) => rects.map((r) => (r as SVGRectElement).getBBox().width));
    expect(widths.every((w) => w >= 1)).toBe(true);
    expect(await chart.locator('text', { hasText: 'Mean latency' }).isVisible()).toBe(true);
    // Cost bars are drawn for the cassettes whose calls have a price, and only for those.
    const report = JSON.parse((await runCliProcess(['report', 'cassettes', '--json'])).stdout);
    const priced = report.cassettes.filter((r: { total_cost: number | null }) => r.total_cost);
    expect(priced.length).toBeGreaterThan(cassettes.length / 2);
    const costWidths = await chart
      .locator('rect.bar-cost')
      .evaluateAll((rects) => rects.map((r) => (r as SVGRectElement).getBBox().width));
    expect(costWidths.filter((w) => w > 0)).toHaveLength(priced.length);

    const table = page.locator('table#cassettes');
    expect(await table.isVisible()).toBe(true);
    expect(await table.locator('tbody tr').count()).toBe(cassettes.length);
    const headers = await table.locator('th').allTextContents();
    expect(headers).toEqual(
      expect.arrayContaining(['cassette', 'provider', 'cost', 'TTFT', 'age']),
    );
    expect(await table.locator('tbody tr').first().locator('td').first().textContent()).toBe(
      `cassettes/${cassettes.sort()[0]}`,
    );

    const png = await page.screenshot({ fullPage: false });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    await writeFile(join(root, 'report.png'), png);
    expect(requests).toEqual([pathToFileURL(file).href]);
    await page.close();
  });
});
