// Checks the demo sites against demo-site/expectations.json: every page and favicon is served,
// every link resolves, every expected sentence and passage is really there, and the test
// endpoints (/redirect, /slow, /huge, /binary) behave. Run: node demo-site/validate.mjs
// [--port 18601] (another base port avoids clashing with a demo already running; absolute
// 127.0.0.1:8601–8609 links in the pages are mapped onto it).
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { startDemoServers } from '../scripts/demo-server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const expectations = JSON.parse(await readFile(path.join(here, 'expectations.json'), 'utf8'));
const portFlag = process.argv.indexOf('--port');
const basePort = portFlag > 0 ? Number(process.argv[portFlag + 1]) : 8601;

let passed = 0;
const failures = [];
function check(ok, what) {
  if (ok) passed++;
  else failures.push(what);
  return ok;
}

const collapse = (s) => s.replace(/\s+/g, ' ').trim();
/** Maps a page's absolute 127.0.0.1:860X URL onto the ports this run actually uses. */
const mapUrl = (url) =>
  url.replace(/^http:\/\/127\.0\.0\.1:(860[1-9])/, (_, p) => `http://127.0.0.1:${basePort + Number(p) - 8601}`);

const demo = await startDemoServers({ basePort });
const pages = new Map(); // url without fragment → { status, headers, html, document }

async function load(url) {
  const key = url.split('#')[0];
  if (!pages.has(key)) {
    const res = await fetch(mapUrl(key), { redirect: 'manual' });
    const type = res.headers.get('content-type') ?? '';
    const body = type.startsWith('text/html') ? await res.text() : Buffer.from(await res.arrayBuffer());
    const entry = { status: res.status, headers: res.headers, body };
    if (typeof body === 'string') entry.document = parseHTML(body).document;
    pages.set(key, entry);
  }
  return pages.get(key);
}

function textOf(document) {
  return collapse(document.body.textContent ?? '');
}

try {
  // 1. Every site answers at / with HTML, and /favicon.ico with a PNG.
  for (const [name, origin] of Object.entries(demo.sites)) {
    const index = await fetch(`${origin}/`);
    check(index.status === 200, `${name}: / answers 200 (got ${index.status})`);
    check(
      index.headers.get('content-type') === 'text/html; charset=utf-8',
      `${name}: / is text/html with charset`,
    );
    check(index.headers.get('cache-control') === 'no-store', `${name}: Cache-Control no-store`);
    await index.arrayBuffer();
    const icon = await fetch(`${origin}/favicon.ico`);
    const bytes = Buffer.from(await icon.arrayBuffer());
    check(
      icon.status === 200 && icon.headers.get('content-type') === 'image/png',
      `${name}: favicon served as image/png`,
    );
    check(bytes.subarray(1, 4).toString() === 'PNG' && bytes.length < 2048, `${name}: favicon is a small PNG`);
    const missing = await fetch(`${origin}/no-such-page.html`);
    await missing.arrayBuffer();
    check(missing.status === 404, `${name}: unknown path is 404`);
  }

  // 2. Crawl every page reachable from the news front page; every link must resolve.
  const start = 'http://127.0.0.1:8601/';
  const queue = [start];
  const seen = new Set(queue);
  let linksChecked = 0;
  while (queue.length > 0) {
    const url = queue.shift();
    const page = await load(url);
    if (!check(page.status === 200, `page ${url} answers 200 (got ${page.status})`)) continue;
    if (!page.document) continue;
    const doc = page.document;
    check(
      page.headers.get('content-type') === 'text/html; charset=utf-8',
      `${url}: text/html; charset=utf-8`,
    );
    check(Boolean(doc.documentElement.getAttribute('lang')), `${url}: <html lang>`);
    check(Boolean(doc.querySelector('title')?.textContent?.trim()), `${url}: <title>`);
    check(Boolean(doc.querySelector('link[rel=canonical]')), `${url}: canonical link`);
    check(
      Boolean(doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content')),
      `${url}: og:site_name`,
    );
    check(Boolean(doc.querySelector('link[rel=icon]')), `${url}: icon link`);
    for (const el of doc.querySelectorAll('a[href], link[href], script[src]')) {
      const raw = el.getAttribute('href') ?? el.getAttribute('src');
      const target = new URL(raw, url);
      if (target.protocol !== 'http:' || target.hostname !== '127.0.0.1') {
        check(false, `${url}: link leaves 127.0.0.1: ${raw}`);
        continue;
      }
      const port = Number(target.port);
      check(port >= 8601 && port <= 8609, `${url}: link port within 8601–8609: ${raw}`);
      linksChecked++;
      const linked = await load(target.href);
      check(linked.status === 200, `${url}: link ${raw} resolves (got ${linked.status})`);
      if (target.hash && linked.document) {
        const id = decodeURIComponent(target.hash.slice(1));
        check(Boolean(linked.document.getElementById(id)), `${url}: anchor ${raw} exists`);
      }
      const key = target.href.split('#')[0];
      if (linked.document && !seen.has(key)) {
        seen.add(key);
        queue.push(key);
      }
    }
  }
  console.log(`crawled ${seen.size} pages, checked ${linksChecked} links`);

  // 3. Expectations: sentences, passages, titles and how each sentence cites its source.
  const excluded =
    'nav, header, footer, figcaption, aside, .ad, form, pre, code, [contenteditable], .notes, .sources, label, .related, .most-read';
  const counts = [];
  for (const article of expectations.articles) {
    const url = `http://127.0.0.1:8601${article.path}`;
    const { document } = await load(url);
    const text = textOf(document);
    const title = document.querySelector('meta[property="og:title"]')?.getAttribute('content');
    check(title === article.title, `${article.path}: og:title is "${article.title}"`);
    check(
      document.querySelector('h1')?.textContent === article.title,
      `${article.path}: h1 is the title`,
    );
    const ld = JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent);
    check(
      ld['@type'] === 'NewsArticle' && ld.datePublished === article.publishedAt,
      `${article.path}: JSON-LD NewsArticle datePublished`,
    );
    check(
      document.querySelector('time[datetime]')?.getAttribute('datetime') === article.publishedAt,
      `${article.path}: <time datetime>`,
    );
    const body = document.querySelector('.article-body');
    const paragraphOf = (sentence) =>
      [...body.querySelectorAll('p')].find((p) => collapse(p.textContent).includes(sentence));

    for (const s of article.sourced) {
      const where = `${article.path}: "${s.sentence.slice(0, 50)}…"`;
      if (!check(text.includes(s.sentence), `${where} appears verbatim`)) continue;
      const p = paragraphOf(s.sentence);
      if (!check(Boolean(p), `${where} is in an article-body paragraph`)) continue;
      if (s.via === 'inline') {
        check(
          [...p.querySelectorAll('a')].some((a) => a.getAttribute('href') === s.sourceUrl),
          `${where}: inline link to ${s.sourceUrl}`,
        );
      } else if (s.via === 'footnote') {
        const sup = [...p.querySelectorAll('sup a')].find((a) => a.textContent === s.marker);
        const followsSentence = collapse(p.textContent).includes(s.sentence + s.marker);
        check(Boolean(sup) && followsSentence, `${where}: footnote marker ${s.marker} follows it`);
        const note = sup && document.getElementById(sup.getAttribute('href').slice(1));
        check(
          Boolean(note?.querySelector(`a[href="${s.sourceUrl}"]`)),
          `${where}: footnote entry links ${s.sourceUrl}`,
        );
      } else if (s.via === 'outbound') {
        check(p.querySelectorAll('a').length === 0, `${where}: no inline link (content-only match)`);
        check(
          Boolean(document.querySelector(`.sources a[href="${s.sourceUrl}"]`)),
          `${where}: Sources list links ${s.sourceUrl}`,
        );
      } else {
        check(false, `${where}: unknown via ${s.via}`);
      }
      const source = await load(s.sourceUrl);
      const srcDoc = source.document;
      const ogTitle = srcDoc.querySelector('meta[property="og:title"]')?.getAttribute('content');
      check(ogTitle === s.sourceTitle, `${where}: source og:title is "${s.sourceTitle}"`);
      check(
        srcDoc.querySelector('title').textContent.includes(s.sourceTitle),
        `${where}: source <title> contains the title`,
      );
      const srcText = textOf(srcDoc);
      const occurrences = srcText.split(s.passageIncludes).length - 1;
      check(occurrences === 1, `${where}: passage "${s.passageIncludes}" occurs once in source (${occurrences})`);
      check(['close', 'paraphrase'].includes(s.difficulty), `${where}: difficulty is close or paraphrase`);
      if (s.level === 'numbers-differ') {
        check(
          s.sentence.includes(s.numbers.sentence) && !s.sentence.includes(s.numbers.source),
          `${where}: sentence says ${s.numbers.sentence}, not ${s.numbers.source}`,
        );
        check(
          !srcText.includes(` ${s.numbers.sentence} `) && s.passageIncludes.includes(s.numbers.source),
          `${where}: source says ${s.numbers.source} and never ${s.numbers.sentence}`,
        );
      }
      if (s.passageParagraph) {
        const ps = [...srcDoc.querySelectorAll('main p')].filter((el) => !el.closest('.report-meta'));
        const index = ps.findIndex((el) => collapse(el.textContent).includes(s.passageIncludes)) + 1;
        check(
          index === s.passageParagraph && ps.length === s.sourceParagraphs && ps.length >= 60,
          `${where}: passage is paragraph ${index} of ${ps.length} (expected ${s.passageParagraph} of ${s.sourceParagraphs})`,
        );
      }
    }
    for (const sentence of article.unsourced) {
      const where = `${article.path}: unsourced "${sentence.slice(0, 50)}…"`;
      if (!check(text.includes(sentence), `${where} appears verbatim`)) continue;
      const p = paragraphOf(sentence);
      check(Boolean(p) && p.querySelectorAll('a, sup').length === 0, `${where} has no citation`);
    }
    for (const snippet of article.neverMarked) {
      const where = `${article.path}: neverMarked "${snippet.slice(0, 50)}"`;
      if (!check(text.includes(snippet), `${where} appears`)) continue;
      const holders = [...document.body.querySelectorAll('*')].filter((el) =>
        collapse(el.textContent).includes(snippet),
      );
      const deepest = holders.filter((el) => !holders.some((o) => o !== el && el.contains(o)));
      check(
        deepest.length > 0 && deepest.every((el) => el.closest(excluded)),
        `${where} sits only in nav/caption/aside/ad/form/code/contenteditable/lists`,
      );
    }
    for (const p of article.providerOnly) {
      const where = `${article.path}: providerOnly "${p.sentence.slice(0, 50)}…"`;
      if (!check(text.includes(p.sentence), `${where} appears verbatim`)) continue;
      check(
        !document.querySelector(`a[href="${p.coveredBy}"]`),
        `${where}: ${p.coveredBy} is not linked from the article`,
      );
      const cover = await load(p.coveredBy);
      check(
        cover.status === 200 && textOf(cover.document).includes(p.passageIncludes),
        `${where}: covered by ${p.coveredBy}`,
      );
    }
    // Sentences must split cleanly: no abbreviation full stops in the article body.
    check(
      !/\b(Mr|Mrs|Ms|Dr|St|No|Nov|Jan|e\.g|i\.e)\.\s/.test(collapse(body.textContent)),
      `${article.path}: no abbreviation full stops in the body`,
    );
    counts.push({
      path: article.path,
      sourced: article.sourced.length,
      unsourced: article.unsourced.length,
      neverMarked: article.neverMarked.length,
      providerOnly: article.providerOnly.length,
    });
  }
  for (const source of expectations.sources) {
    const { document } = await load(source.url);
    const site = document.querySelector('meta[property="og:site_name"]')?.getAttribute('content');
    check(site === source.siteName, `${source.url}: og:site_name "${source.siteName}" (got "${site}")`);
    const ld = JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent);
    check(ld.datePublished === source.publishedAt, `${source.url}: JSON-LD datePublished`);
  }
  console.table(counts);

  // 4. Test endpoints on the cited sites.
  const wire = demo.sites.wire;
  const stats = demo.sites.stats;
  const hop = await fetch(`${wire}/redirect?to=${encodeURIComponent(`${stats}/`)}`, { redirect: 'manual' });
  check(hop.status === 302 && hop.headers.get('location') === `${stats}/`, '/redirect answers 302 with Location');
  const hop308 = await fetch(`${wire}/redirect?to=x&status=308`, { redirect: 'manual' });
  check(hop308.status === 308, '/redirect honours status=308');
  const noHop = await fetch(`${stats}/redirect?to=x`, { redirect: 'manual' });
  check(noHop.status === 404, '/redirect exists only on the wire site');
  await Promise.all([hop, hop308, noHop].map((r) => r.arrayBuffer()));

  const huge = await fetch(`${stats}/huge`);
  const hugeLength = Number(huge.headers.get('content-length'));
  const hugeBody = Buffer.from(await huge.arrayBuffer());
  check(hugeLength > 3_000_000 && hugeBody.length === hugeLength, `/huge declares and sends ${hugeLength} bytes`);
  const chunked = await fetch(`${stats}/huge?chunked=1`);
  const chunkedBody = Buffer.from(await chunked.arrayBuffer());
  check(
    !chunked.headers.get('content-length') && chunkedBody.length > 3_000_000,
    `/huge?chunked=1 streams ${chunkedBody.length} bytes without Content-Length`,
  );
  const bin = await fetch(`${stats}/binary`);
  check(bin.headers.get('content-type') === 'application/octet-stream', '/binary is application/octet-stream');
  await bin.arrayBuffer();

  const controller = new AbortController();
  const started = Date.now();
  const slow = await fetch(`${stats}/slow?interval=200`, { signal: controller.signal });
  const reader = slow.body.getReader();
  let received = 0;
  while (Date.now() - started < 1000) received += (await reader.read()).value?.length ?? 0;
  controller.abort();
  check(received > 0 && received < 400, `/slow drips (${received} bytes in about 1 s)`);

  // A slow request left open must not stop close() from finishing.
  const dangling = fetch(`${stats}/slow?interval=1000`).then((r) => r.body?.getReader().read()).catch(() => {});
  await new Promise((r) => setTimeout(r, 100));
  const before = demo.counts.get(basePort + 1);
  check(before > 0, `counts track requests (stats site: ${before})`);
  demo.reset();
  check([...demo.counts.values()].every((n) => n === 0), 'reset() zeroes the counts');
  await fetch(`${stats}/`).then((r) => r.arrayBuffer());
  check(demo.counts.get(basePort + 1) === 1 && demo.counts.get(basePort) === 0, 'counts are per port');
  void dangling;
} finally {
  const t = Date.now();
  await demo.close();
  check(Date.now() - t < 2000, 'close() returns promptly with a slow request open');
}

for (const f of failures) console.log(`FAIL ${f}`);
console.log(`validate: ${passed} passed, ${failures.length} failed`);
process.exitCode = failures.length ? 1 : 0;
