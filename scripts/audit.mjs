// CI: `npm audit --omit=dev` over the production dependencies; fails on any high or critical
// advisory and prints each one. It needs the registry's advisory endpoint: when that cannot be
// reached (offline, or a mirror that refuses the POST), it says so plainly and fails, unless
// SOURCELIGHT_ALLOW_NO_AUDIT=1 (then it only warns), so a skipped audit is never mistaken for a pass.
import { spawnSync } from 'node:child_process';

const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  report = { message: (r.stderr || r.stdout || 'no output').trim() };
}
const counts = report.metadata?.vulnerabilities;
if (!counts) {
  const why = report.message ?? report.error?.summary ?? 'unknown error';
  console.error(`[audit] npm audit could not run: ${why}`);
  if (process.env.SOURCELIGHT_ALLOW_NO_AUDIT === '1') {
    console.error('[audit] SOURCELIGHT_ALLOW_NO_AUDIT=1: going on WITHOUT a dependency audit');
    process.exit(0);
  }
  process.exit(1);
}
for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
  const titles = (v.via ?? []).filter((x) => typeof x === 'object').map((x) => x.title);
  console.log(`  ${v.severity.padEnd(8)} ${name} ${v.range ?? ''} ${titles.join('; ')}`);
}
const bad = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(
  `[audit] production dependencies: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ` +
    `${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`,
);
process.exit(bad > 0 ? 1 : 0);
