// Opens the website column in Debian's Chromium (driven by playwright-core) from a server on 127.0.0.1, at a desktop
// and a phone width: crawls every page from index.html, records every request (anything not on the local origin is
// blocked and reported), every response that is not 200, broken in-page anchors, pages wider than the screen,
// accessibility slips (language, one h1, heading order, alt text, table headers), and every figure marked with
// data-metric so the caller can check it against the marts. Writes screenshots; prints one JSON report.
// Usage: node check-site.mjs http://127.0.0.1:PORT/ SCREENSHOT_DIR
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';

const [, , base, shots] = process.argv;
const origin = new URL(base).origin;
mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
const report = { pages: {}, requests: 0, external: [], broken: [], anchors: [], overflow: [], a11y: [], metrics: [], screenshots: [] };
const viewports = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };

for (const [name, viewport] of Object.entries(viewports)) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  await context.route('**/*', route => {
    const url = route.request().url();
    report.requests++;
    if (new URL(url).origin !== origin) { report.external.push(url); return route.abort(); }
    return route.continue();
  });
  const page = await context.newPage();
  page.on('response', r => { if (r.status() !== 200) report.broken.push(`${r.status()} ${r.url()}`); });
  const queue = [new URL('index.html', base).href];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const url = queue.shift();
    await page.goto(url, { waitUntil: 'load' });
    const path = new URL(url).pathname;
    report.pages[path] = (report.pages[path] ?? 0) + 1;
    const facts = await page.evaluate(() => {
      const headings = [...document.querySelectorAll('h1,h2,h3,h4')].map(h => Number(h.tagName[1]));
      return {
        lang: document.documentElement.lang,
        h1: document.querySelectorAll('h1').length,
        headings,
        imagesWithoutAlt: [...document.images].filter(i => !i.alt || !i.alt.trim()).map(i => i.src),
        imagesNotLoaded: [...document.images].filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src),
        tablesWithoutHeaders: [...document.querySelectorAll('table')].filter(t => t.querySelectorAll('th').length === 0).length,
        scripts: document.scripts.length,
        overflow: document.documentElement.scrollWidth > window.innerWidth + 1,
        links: [...document.querySelectorAll('a[href]')].map(a => a.href),
        ids: [...document.querySelectorAll('[id]')].map(e => e.id),
        metrics: [...document.querySelectorAll('[data-metric]')].map(e => ({
          metric: e.dataset.metric, unit: e.dataset.unit, month: e.dataset.month, text: e.textContent.trim() })),
      };
    });
    if (facts.lang !== 'zh-CN') report.a11y.push(`${path}: lang '${facts.lang}'`);
    if (facts.h1 !== 1) report.a11y.push(`${path}: ${facts.h1} h1 elements`);
    facts.headings.forEach((level, i) => { if (i > 0 && level > facts.headings[i - 1] + 1) report.a11y.push(`${path}: heading level jumps to h${level}`); });
    facts.imagesWithoutAlt.forEach(src => report.a11y.push(`${path}: image without alt text ${src}`));
    facts.imagesNotLoaded.forEach(src => report.broken.push(`image not shown ${src} on ${path}`));
    if (facts.tablesWithoutHeaders > 0) report.a11y.push(`${path}: ${facts.tablesWithoutHeaders} tables without header cells`);
    if (facts.scripts > 0) report.a11y.push(`${path}: ${facts.scripts} scripts (the column must read without JavaScript)`);
    if (facts.overflow) report.overflow.push(`${name} ${path}`);
    if (name === 'desktop') facts.metrics.forEach(m => report.metrics.push({ page: path, ...m }));
    for (const link of facts.links) {
      const target = new URL(link);
      if (target.origin !== origin) { report.external.push(`link ${link} on ${path}`); continue; }
      if (target.hash && target.pathname === new URL(url).pathname && !facts.ids.includes(decodeURIComponent(target.hash.slice(1))))
        report.anchors.push(`${path}: no element for ${target.hash}`);
      target.hash = '';
      if (!seen.has(target.href)) { seen.add(target.href); queue.push(target.href); }
    }
    if (path.endsWith('/index.html') && !path.includes('/archive/') || path.endsWith('/colleges/C01.html')) {
      const file = `${shots}/${name}-${path.replace(/^\//, '').replaceAll('/', '-')}.png`;
      await page.screenshot({ path: file, fullPage: true });
      report.screenshots.push(file);
    }
  }
  await context.close();
}
await browser.close();
console.log(JSON.stringify(report));
