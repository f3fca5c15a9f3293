// Runs one sacreBLEU test vector (shared data/sacrebleu/vectors.json format) through the port
// and lists every way the port's output differs from the real sacreBLEU 2.6.0's.
import { BLEU, type BLEUScore, CHRF, type CHRFScore, getTokenizer, type Score, TER, type TERScore, TercomTokenizer } from '../../server/score/metrics/index.js';
import type { SmoothMethod } from '../../server/score/metrics/index.js';
import { pySplit } from '../../server/score/python-str.js';

export const TOLERANCE = 1e-9;

export interface Vector {
  id: string;
  metric: 'bleu' | 'chrf' | 'ter' | 'tokenizer';
  level: 'corpus' | 'sentence' | 'segment';
  params: Record<string, unknown>;
  hyps: string[] | null;
  refs: (string | null)[][] | null;
  input?: string;
  stats?: { correct: number[]; total: number[]; sys_len: number; ref_len: number };
  source?: string;
  origin?: string;
  note?: string;
  peer_sacrebleu_2_6_0: Record<string, unknown>;
}

type Metric = BLEU | CHRF | TER;

function makeMetric(v: Vector): Metric {
  const p = v.params;
  switch (v.metric) {
    case 'bleu':
      return new BLEU({
        lowercase: p.lowercase as boolean | undefined,
        force: p.force as boolean | undefined,
        tokenize: p.tokenize as string | null | undefined,
        smoothMethod: p.smooth_method as SmoothMethod | undefined,
        smoothValue: p.smooth_value as number | null | undefined,
        maxNgramOrder: p.max_ngram_order as number | undefined,
        effectiveOrder: p.effective_order as boolean | undefined,
      });
    case 'chrf':
      return new CHRF({
        charOrder: p.char_order as number | undefined,
        wordOrder: p.word_order as number | undefined,
        beta: p.beta as number | undefined,
        lowercase: p.lowercase as boolean | undefined,
        whitespace: p.whitespace as boolean | undefined,
        epsSmoothing: p.eps_smoothing as boolean | undefined,
      });
    case 'ter':
      return new TER({
        normalized: p.normalized as boolean | undefined,
        noPunct: p.no_punct as boolean | undefined,
        asianSupport: p.asian_support as boolean | undefined,
        caseSensitive: p.case_sensitive as boolean | undefined,
      });
    default:
      throw new Error(`not a metric vector: ${v.metric}`);
  }
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOLERANCE;
}

function checkNumber(problems: string[], field: string, got: number, want: unknown): void {
  if (typeof want !== 'number' || !close(got, want)) problems.push(`${field}: got ${got}, sacreBLEU ${String(want)}`);
}

function checkNumbers(problems: string[], field: string, got: readonly number[], want: unknown): void {
  if (!Array.isArray(want) || want.length !== got.length || got.some((g, k) => !close(g, want[k] as number))) {
    problems.push(`${field}: got ${JSON.stringify(got)}, sacreBLEU ${JSON.stringify(want)}`);
  }
}

function checkString(problems: string[], field: string, got: string, want: unknown): void {
  if (got !== want) problems.push(`${field}: got ${JSON.stringify(got)}, sacreBLEU ${JSON.stringify(want)}`);
}

function checkBleuDetails(problems: string[], s: BLEUScore, peer: Record<string, unknown>): void {
  checkNumbers(problems, 'counts', s.counts, peer.counts);
  checkNumbers(problems, 'totals', s.totals, peer.totals);
  checkNumbers(problems, 'precisions', s.precisions, peer.precisions);
  checkNumber(problems, 'bp', s.bp, peer.bp);
  checkNumber(problems, 'sys_len', s.sysLen, peer.sys_len);
  checkNumber(problems, 'ref_len', s.refLen, peer.ref_len);
  if ('ratio' in peer) checkNumber(problems, 'ratio', s.ratio, peer.ratio);
}

/** Every difference from sacreBLEU's recorded output; empty when the port matches. */
export function vectorProblems(v: Vector): string[] {
  const problems: string[] = [];
  const peer = v.peer_sacrebleu_2_6_0;

  if (v.metric === 'tokenizer') {
    const p = v.params;
    const tok = p.tokenizer === 'tercom'
      ? new TercomTokenizer({
        normalized: p.normalized as boolean, noPunct: p.no_punct as boolean,
        asianSupport: p.asian_support as boolean, caseSensitive: p.case_sensitive as boolean,
      })
      : getTokenizer(p.tokenizer as string);
    const out = tok.tokenize(v.input ?? '');
    checkString(problems, 'output', out, peer.output);
    if (JSON.stringify(pySplit(out)) !== JSON.stringify(peer.tokens)) {
      problems.push(`tokens: got ${JSON.stringify(pySplit(out))}, sacreBLEU ${JSON.stringify(peer.tokens)}`);
    }
    return problems;
  }

  if (v.stats) {
    const p = v.params;
    const s = BLEU.computeBleu(v.stats.correct, v.stats.total, v.stats.sys_len, v.stats.ref_len,
      p.smooth_method as SmoothMethod, p.smooth_value as number | null,
      p.effective_order as boolean, p.max_ngram_order as number);
    checkNumber(problems, 'score', s.score, peer.score);
    checkBleuDetails(problems, s, peer);
    return problems;
  }

  const metric = makeMetric(v);
  const hyps = v.hyps ?? [];
  const refs = v.refs ?? [];
  let score: Score;
  if (v.level === 'sentence') {
    if (hyps.length !== 1) problems.push(`sentence vector with ${hyps.length} hypotheses`);
    score = metric.sentenceScore(hyps[0]!, refs.map((stream) => stream[0] ?? null));
  } else {
    score = metric.corpusScore(hyps, refs);
  }
  const sig = metric.signature();
  checkNumber(problems, 'score', score.score, peer.score);
  checkString(problems, 'name', score.name, peer.name);
  checkString(problems, 'signature', sig.format(), peer.signature);
  checkString(problems, 'short_signature', sig.format(true), peer.short_signature);
  checkString(problems, 'formatted_w2', score.format({ width: 2 }), peer.formatted_w2);
  checkString(problems, 'formatted_w1_with_signature', score.format({ width: 1, signature: sig.format() }),
    peer.formatted_w1_with_signature);
  if (v.metric === 'bleu') checkBleuDetails(problems, score as BLEUScore, peer);
  if (v.metric === 'ter') {
    const t = score as TERScore;
    checkNumber(problems, 'num_edits', t.numEdits, peer.num_edits);
    checkNumber(problems, 'ref_length', t.refLength, peer.ref_length);
  }
  if (v.metric === 'chrf') {
    const c = score as CHRFScore;
    checkNumber(problems, 'char_order', c.charOrder, peer.char_order);
    checkNumber(problems, 'word_order', c.wordOrder, peer.word_order);
    checkNumber(problems, 'beta', c.beta, peer.beta);
  }
  return problems;
}
