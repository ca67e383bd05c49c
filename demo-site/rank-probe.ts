// Runs the project's extractor, segmenter and ranker over the demo sites (files, no server) and
// compares with expectations.json: level per sourced sentence, best score of unsourced ones.
// Run: npx tsx demo-site/rank-probe.ts   (OK/XX per line; XX is a disagreement, not a crash)
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { extractDocument } from '../utils/extract';
import { segmentSentences } from '../utils/sentences/segment';
import { toPassages } from '../utils/sources/documents';
import { buildIndex, rankDocuments, type Passage } from '../utils/ranking';

const E = JSON.parse(readFileSync(new URL('./expectations.json', import.meta.url), 'utf8'));
const SITE_DIRS: Record<string, string> = { '8601': 'news', '8602': 'sites/stats', '8603': 'sites/wire', '8604': 'sites/court', '8605': 'sites/lab', '8606': 'sites/council', '8607': 'sites/ministry', '8608': 'sites/courier', '8609': 'sites/met' };
const file = (url: string) => { const u = new URL(url); return new URL(`./${SITE_DIRS[u.port]}${u.pathname}`, import.meta.url); };
const docs = new Map<string, { text: string; passages: { start: number; end: number }[]; title: string; site: string }>();
function load(url: string) {
  if (!docs.has(url)) {
    const x = extractDocument(readFileSync(file(url), 'utf8'), url);
    const p = toPassages(x.blocks, segmentSentences, x.lang);
    docs.set(url, { ...p, title: x.title, site: x.siteName });
  }
  return docs.get(url)!;
}
for (const a of E.articles) {
  const html = readFileSync(file('http://127.0.0.1:8601' + a.path), 'utf8');
  const { document } = parseHTML(html);
  const urls = [...new Set([...document.querySelectorAll('a[href^="http://127.0.0.1:86"]')].map((x: any) => x.getAttribute('href')).filter((h: string) => !h.includes(':8601')))] as string[];
  const passages: Passage[] = [];
  for (const u of urls) { const d = load(u); d.passages.forEach((p, index) => passages.push({ docId: u, index, text: d.text.slice(p.start, p.end) })); }
  const index = buildIndex(passages, { lang: 'en' });
  console.log(`\n== ${a.path} (${urls.length} linked sources)`);
  for (const s of a.sourced) {
    const r = rankDocuments(index, { text: s.sentence, lang: 'en' }, 5);
    const mine = r.find((x) => x.docId === s.sourceUrl);
    const ok = mine && mine.text.includes(s.passageIncludes);
    console.log(`${ok && mine!.level === s.level ? 'OK ' : 'XX '} [${s.level}] got ${mine ? mine.level + ' ' + mine.score.toFixed(2) : 'none'} rank ${r.indexOf(mine!) + 1} :: ${s.sentence.slice(0, 60)}${ok ? '' : '\n     passage: ' + mine?.text.slice(0, 120)}`);
  }
  for (const s of a.unsourced) {
    const r = rankDocuments(index, { text: s, lang: 'en' }, 3);
    console.log(`${r[0] && r[0].score >= 0.1 ? 'XX ' : 'OK '} [unsourced] best ${r[0]?.score.toFixed(2)} ${r[0]?.level} :: ${s.slice(0, 60)}`);
  }
  for (const p of a.providerOnly) {
    const d = load(p.coveredBy);
    const ps: Passage[] = d.passages.map((x, i) => ({ docId: p.coveredBy, index: i, text: d.text.slice(x.start, x.end) }));
    const r = rankDocuments(buildIndex(ps, { lang: 'en' }), { text: p.sentence, lang: 'en' }, 1);
    const rl = rankDocuments(index, { text: p.sentence, lang: 'en' }, 1);
    console.log(`[providerOnly] covered: ${r[0]?.level} ${r[0]?.score.toFixed(2)} ${r[0]?.text.includes(p.passageIncludes)}; against linked: ${rl[0]?.score.toFixed(2)} ${rl[0]?.level}`);
  }
}
for (const s of E.sources) { const d = load(s.url); console.log(d.title === s.title ? 'OK ' : 'XX ', 'title', d.title, '|', d.site, d.site === s.siteName ? '' : '!= ' + s.siteName); }
