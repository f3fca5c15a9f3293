// System-level scores, accumulated document by document as a batch streams past: MQM adds
// penalties, words and rated segments; each metric adds its summed sufficient statistics, so a
// system's chrF or BLEU is the corpus score over all its segments, exactly as if its documents
// had been scored as one. Memory stays constant however many documents go by.
import { createHash } from 'node:crypto';
import type { DocResult } from './batch.js';
import { metricFor, type MetricId, type MetricScore } from './reference-metrics.js';
import { aggregateMqm, type MqmProfile, type MqmScore } from './mqm.js';

export interface SystemSummary {
  corpus: string;
  system: string;
  documents: number;
  segments: number;
  findings: number;
  mqm: MqmScore;
  metrics: Partial<Record<MetricId, MetricScore>>;
  /** sha256 over the documents' data hashes, in order. */
  dataHash: string;
}

interface Acc {
  corpus: string;
  system: string;
  documents: number;
  segments: number;
  findings: number;
  mqm: MqmScore | null;
  sums: Record<string, number[]>;
  metricInfo: Record<string, { name: string; signatures: Set<string>; segments: number; normalization?: string }>;
  hash: ReturnType<typeof createHash>;
}

export class SystemTotals {
  private readonly acc = new Map<string, Acc>();
  constructor(private readonly profile: MqmProfile, private readonly tokenize?: string) {}

  add(d: DocResult): void {
    const key = `${d.corpus}\u0000${d.system}`;
    let a = this.acc.get(key);
    if (!a) this.acc.set(key, (a = { corpus: d.corpus, system: d.system, documents: 0, segments: 0, findings: 0, mqm: null, sums: {}, metricInfo: {}, hash: createHash('sha256') }));
    a.documents++;
    a.segments += d.beads;
    a.findings += d.findings;
    a.hash.update(d.dataHash + '\n');
    const next = a.mqm ? aggregateMqm([a.mqm, d.scores.mqm], this.profile) : aggregateMqm([d.scores.mqm], this.profile);
    // The running total keeps no per-segment list (it would grow with the corpus).
    next.segmentPenalties = [];
    a.mqm = next;
    for (const [k, v] of Object.entries(d.sums)) {
      if (k === 'mqm') continue;
      const s = a.sums[k];
      if (!s) a.sums[k] = [...v];
      else for (let i = 0; i < v.length; i++) s[i]! += v[i]!;
      const m = d.scores[k as MetricId]!;
      const info = (a.metricInfo[k] ??= { name: m.name, signatures: new Set(), segments: 0, ...(m.normalization ? { normalization: m.normalization } : {}) });
      info.signatures.add(m.signature);
      info.segments += m.segments;
    }
  }

  get size(): number {
    return this.acc.size;
  }

  summaries(): SystemSummary[] {
    return [...this.acc.values()]
      .sort((x, y) => x.corpus.localeCompare(y.corpus) || x.system.localeCompare(y.system))
      .map((a) => {
        const metrics: Partial<Record<MetricId, MetricScore>> = {};
        for (const [k, sums] of Object.entries(a.sums)) {
          const info = a.metricInfo[k]!;
          const metric = metricFor(k as MetricId, this.tokenize ? { tokenize: this.tokenize } : {});
          const sigs = [...info.signatures];
          // Documents with different numbers of references make nrefs vary, as sacreBLEU prints it.
          const signature = sigs.length === 1 ? sigs[0]! : sigs[0]!.replace(/nrefs:[^|]+/, 'nrefs:var');
          metrics[k as MetricId] = { name: info.name, score: metric.computeScoreFromStats(sums).score, signature, segments: info.segments, ...(info.normalization ? { normalization: info.normalization } : {}) };
        }
        return { corpus: a.corpus, system: a.system, documents: a.documents, segments: a.segments, findings: a.findings, mqm: a.mqm!, metrics, dataHash: `sha256:${a.hash.copy().digest('hex').slice(0, 16)}` };
      });
  }
}
