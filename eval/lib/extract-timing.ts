/**
 * Times the background's extraction of one source page (utils/extract on linkedom), wall clock and
 * this process's CPU time (which suffers much less when other processes share the cores).
 * Used by eval/extract-bench.ts and the bench.
 */
import { extractDocument } from '../../utils/extract';

/** The URL upstream's tests give the readability pages; relative links resolve against it. */
export const PAGE_URL = 'http://fakehost/test/page.html';

export interface TimedExtraction {
  doc: ReturnType<typeof extractDocument>;
  ms: number;
  cpuMs: number;
}

export function timeExtraction(html: string, url = PAGE_URL): TimedExtraction {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const doc = extractDocument(html, url);
  const cpu = process.cpuUsage(cpu0);
  return { doc, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}
