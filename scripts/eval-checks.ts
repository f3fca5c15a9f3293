// Evaluation of the automatic checks against the issue's targets. Prints:
//  1. the seed (corpora/mali-minusma): الخنتة by the terminology check with the glossary and by
//     the calque check without it; number and name findings; each translation's findings against
//     its expert review;
//  2. the dev set (corpora/checks-dev, planted errors listed in expected.jsonl) and the held-out
//     set (corpora/checks-heldout, the same, written blind and never tuned on): precision and
//     recall per check, findings in the clean controls, every miss and false alarm;
//  3. NTREX-128 EN–AR (professional translations; default ../shared/data/ntrex128-en-ar):
//     findings per check and per 20 sentences for checks 2–7 (calque … typography).
//     Each finding there is looked up in scripts/data/ntrex-findings-judged.tsv (read one by one:
//     a defect of the reference or a false alarm) and the false-alarm rate printed too.
// Usage: npx tsx scripts/eval-checks.ts [--ntrex DIR] [--dev DIR] [--heldout DIR] [--seed DIR] [--judged FILE] [--verbose]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runChecks } from '../server/check/index.js';
import type { Finding } from '../server/core/types.js';
import { readCorpus } from '../server/ingest/corpus.js';
import { readTextFile } from '../server/ingest/text-file.js';
import { beadOf, processDocument, sentenceAt } from '../server/pipeline.js';
import { ntrexDocuments } from './ntrex.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    ntrex: { type: 'string', default: path.resolve(ROOT, '../shared/data/ntrex128-en-ar') },
    dev: { type: 'string', default: path.join(ROOT, 'corpora/checks-dev') },
    heldout: { type: 'string', default: path.join(ROOT, 'corpora/checks-heldout') },
    seed: { type: 'string', default: path.join(ROOT, 'corpora/mali-minusma') },
    judged: { type: 'string', default: path.join(ROOT, 'scripts/data/ntrex-findings-judged.tsv') },
    verbose: { type: 'boolean', default: false },
  },
});
const NTREX_CHECKS = ['calque', 'numbers', 'names', 'untranslated', 'omission', 'typography'];
/** The typography rule behind a finding, from its message. */
function typographyKind(message: string): string {
  if (message.startsWith('Quotation mark')) return 'unbalanced quotes';
  if (message.startsWith('Bracket')) return 'unbalanced brackets';
  if (message.startsWith('Several spaces')) return 'double spaces';
  if (/run together|glued|space is missing/u.test(message)) return 'missing spaces';
  if (message.startsWith('Latin "')) return 'Latin punctuation';
  if (message.includes('written twice')) return 'doubled words';
  if (message.startsWith('Stray Latin')) return 'Latin letters in Arabic words';
  return 'other';
}
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const short = (f: Finding) => `[${f.check}] ${f.side} «${f.text.length > 60 ? `${f.text.slice(0, 57)}…` : f.text}»`;

// 1. The seed.
{
  const doc = readCorpus(values.seed!).documents[0]!;
  const withGlossary = processDocument(doc.pair).findings;
  const { glossary: _g, ...bare } = doc.pair;
  const without = processDocument(bare).findings;
  const junta = [...doc.pair.targetText.matchAll(/الخنتة/gu)].length;
  const onJunta = (fs: Finding[], check: string) => fs.filter((f) => f.check === check && f.side === 'target' && f.text.includes('الخنتة')).length;
  console.log(`Seed (${path.relative(ROOT, values.seed!)}), ${junta} × الخنتة in the MT`);
  console.log(`  terminology check, with the glossary:   ${onJunta(withGlossary, 'terminology')}/${junta} flagged`);
  console.log(`  calque check, glossary removed:         ${onJunta(without, 'calque')}/${junta} flagged`);
  console.log(`  calque check, with the glossary:        ${onJunta(withGlossary, 'calque')} (the glossary rules on الخنتة, so no duplicate)`);
  for (const check of ['numbers', 'names']) {
    const fs = withGlossary.filter((f) => f.check === check);
    console.log(`  ${check} findings: ${fs.length}${fs.length ? `  ${fs.map(short).join('; ')}` : ''}`);
  }
  const namesBare = without.filter((f) => f.check === 'names');
  console.log(`  names check, glossary removed: ${namesBare.length}${namesBare.length ? `  ${namesBare.map(short).join('; ')}` : ''} (with the glossary the terminology check reports JNIM)`);
  const others = without.filter((f) => !['calque', 'names', 'numbers', 'terminology'].includes(f.check));
  console.log(`  other checks (glossary removed): ${others.length}${others.length ? `  ${others.map(short).join('; ')}` : ''}`);
}

// 1b. The seed's translations against their expert reviews: do the checks point where the expert
// marked an error? A finding agrees when the same sentence pair holds an expert error of a
// compatible kind (accuracy and terminology count as one group; then linguistic conventions, style…).
{
  const top = (c: string) => {
    const t = c.split('/')[0]!;
    return t === 'Terminology' ? 'Accuracy' : t;
  };
  console.log(`\nSeed translations against their expert reviews (same sentence pair, compatible category):`);
  for (const d of readCorpus(values.seed!).documents) {
    if (d.review.length === 0) continue;
    const p = processDocument(d.pair);
    const beadAt = (side: 'source' | 'target', offset: number) => beadOf(p.alignment, side, sentenceAt(side === 'source' ? p.source : p.target, offset));
    const marks = d.review.map((a) => ({ bead: beadAt(a.side, a.start), top: top(a.category), category: a.category }));
    const finds = p.findings.filter((f) => f.scope !== 'document').map((f) => ({ bead: beadAt(f.side, f.start), top: top(f.category), f }));
    const agree = finds.filter((x) => marks.some((m) => m.bead === x.bead && m.top === x.top));
    const caught = marks.filter((m) => finds.some((x) => x.bead === m.bead && x.top === m.top));
    console.log(`  ${d.pair.system}: ${finds.length} findings, ${agree.length} on an error the expert marked; ${caught.length} of the expert's ${marks.length} errors have a finding`);
    for (const x of finds.filter((x) => !agree.includes(x))) console.log(`    not in the review: ${short(x.f)}`);
  }
}

// 2. The dev set and the held-out set: planted errors listed in each corpus's expected.jsonl.
interface Expected {
  document: string;
  check: string;
  side: 'source' | 'target';
  text: string;
  context?: string;
  occurrence?: number;
  note?: string;
  start?: number;
  end?: number;
}

/** Precision and recall per check on a corpus of planted errors, with every miss and false alarm. */
function scorePlanted(dir: string, heading: string): void {
  const corpus = readCorpus(dir);
  const file = path.join(dir, 'expected.jsonl');
  const expected: Expected[] = readTextFile(file)
    .split(/\r?\n/u)
    .map((l, i) => [l.trim(), i + 1] as const)
    .filter(([l]) => l && !l.startsWith('#'))
    .map(([l, line]) => {
      const e = JSON.parse(l) as Expected;
      const d = corpus.documents.find((x) => x.pair.id === e.document);
      if (!d) throw new Error(`${file}:${line}: no document "${e.document}"`);
      if (e.text) {
        const text = e.side === 'source' ? d.pair.sourceText : d.pair.targetText;
        const base = e.context ? text.indexOf(e.context) : 0;
        if (base < 0) throw new Error(`${file}:${line}: context not found`);
        let at = text.indexOf(e.text, base);
        for (let k = 1; k < (e.occurrence ?? 1); k++) at = text.indexOf(e.text, at + 1);
        if (at < 0) throw new Error(`${file}:${line}: text not found`);
        e.start = at;
        e.end = at + e.text.length;
      }
      return e;
    });
  const stats = new Map<string, { tp: number; fp: number; found: number; expected: number }>();
  const stat = (c: string) => stats.get(c) ?? (stats.set(c, { tp: 0, fp: 0, found: 0, expected: 0 }), stats.get(c)!);
  const misses: string[] = [];
  const alarms: string[] = [];
  let controls = 0;
  let controlFindings = 0;
  for (const d of corpus.documents) {
    const findings = processDocument(d.pair).findings;
    if (d.pair.system === 'control') {
      controls++;
      controlFindings += findings.length;
    }
    const mine = expected.filter((e) => e.document === d.pair.id);
    const hits = (e: Expected, f: Finding) =>
      f.check === e.check && f.side === e.side && (e.check === 'language' ? f.scope === 'document' : f.start < e.end! && e.start! < f.end);
    for (const f of findings) {
      const s = stat(f.check);
      if (mine.some((e) => hits(e, f))) s.tp++;
      else {
        s.fp++;
        alarms.push(`${d.pair.id} ${short(f)}: ${f.message}`);
      }
    }
    for (const e of mine) {
      const s = stat(e.check);
      s.expected++;
      if (findings.some((f) => hits(e, f))) s.found++;
      else misses.push(`${d.pair.id} [${e.check}] ${e.side} «${e.text}» (${e.note ?? ''})`);
    }
  }
  console.log(`\n${heading} (${path.relative(ROOT, dir)}): ${corpus.documents.length} documents (${controls} clean controls), ${expected.length} planted errors`);
  console.log(`  ${'check'.padEnd(13)} ${'planted'.padStart(7)} ${'found'.padStart(6)} ${'recall'.padStart(7)} ${'findings'.padStart(9)} ${'false'.padStart(6)} ${'precision'.padStart(10)}`);
  let T = { tp: 0, fp: 0, found: 0, expected: 0 };
  for (const [c, s] of [...stats].sort()) {
    T = { tp: T.tp + s.tp, fp: T.fp + s.fp, found: T.found + s.found, expected: T.expected + s.expected };
    const n = s.tp + s.fp;
    console.log(`  ${c.padEnd(13)} ${String(s.expected).padStart(7)} ${String(s.found).padStart(6)} ${(s.expected ? pct(s.found / s.expected) : '—').padStart(7)} ${String(n).padStart(9)} ${String(s.fp).padStart(6)} ${(n ? pct(s.tp / n) : '—').padStart(10)}`);
  }
  console.log(`  ${'all'.padEnd(13)} ${String(T.expected).padStart(7)} ${String(T.found).padStart(6)} ${pct(T.found / T.expected).padStart(7)} ${String(T.tp + T.fp).padStart(9)} ${String(T.fp).padStart(6)} ${pct(T.tp / (T.tp + T.fp)).padStart(10)}`);
  console.log(`  findings in the clean controls: ${controlFindings}`);
  for (const m of misses) console.log(`  missed: ${m}`);
  for (const a of alarms) console.log(`  false alarm: ${a}`);
}

scorePlanted(values.dev!, 'Dev set');
if (fs.existsSync(path.join(values.heldout!, 'expected.jsonl'))) scorePlanted(values.heldout!, 'Held-out set (written blind, never tuned on)');

// 3. NTREX.
if (!fs.existsSync(path.join(values.ntrex!, 'newstest2019-src.eng.txt'))) {
  console.log(`\nNTREX: not found at ${values.ntrex} (pass --ntrex DIR); skipped.`);
} else {
  const docs = ntrexDocuments(values.ntrex!);
  const counts = new Map<string, number>();
  const typography = new Map<string, number>();
  // Each finding read by a person: a defect of the reference or a false alarm (see the file).
  const judged = new Map<string, string>();
  for (const line of fs.existsSync(values.judged!) ? readTextFile(values.judged!).split(/\r?\n/u) : []) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [doc, row, check, side, text, verdict] = line.split('\t');
    judged.set([doc, row, check, side, text].join('\t'), verdict!);
  }
  const verdicts = new Map<string, number>();
  const unjudged: string[] = [];
  const seen = new Set<string>();
  let sentences = 0;
  const examples: string[] = [];
  for (const d of docs) {
    sentences += d.alignment.length;
    for (const f of runChecks(d)) {
      counts.set(f.check, (counts.get(f.check) ?? 0) + 1);
      if (f.check === 'typography') typography.set(typographyKind(f.message), (typography.get(typographyKind(f.message)) ?? 0) + 1);
      if (NTREX_CHECKS.includes(f.check)) {
        const text = f.side === 'target' ? d.target.text : d.source.text;
        const key = [d.id, text.slice(0, f.start).split('\n').length, f.check, f.side, JSON.stringify(f.text.slice(0, 40))].join('\t');
        const v = judged.get(key);
        seen.add(key);
        if (v) verdicts.set(v, (verdicts.get(v) ?? 0) + 1);
        else unjudged.push(`${d.id} ${short(f)}`);
      }
      if (values.verbose && NTREX_CHECKS.includes(f.check)) examples.push(`${d.id} ${short(f)}: ${f.message}`);
    }
  }
  const total = NTREX_CHECKS.reduce((n, c) => n + (counts.get(c) ?? 0), 0);
  console.log(`\nNTREX-128 EN–AR (${values.ntrex}): ${docs.length} documents, ${sentences} sentence pairs (gold 1-1 alignment)`);
  for (const c of NTREX_CHECKS) {
    const n = counts.get(c) ?? 0;
    console.log(`  ${c.padEnd(13)} ${String(n).padStart(5)} findings  ${((20 * n) / sentences).toFixed(3)} per 20 sentences`);
  }
  // Typography findings on a professional reference are mostly its own defects (unclosed quotes,
  // lost spaces): the kinds tell them apart from misfires.
  console.log(`    typography by kind: ${[...typography].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  for (const c of [...counts.keys()].filter((c) => !NTREX_CHECKS.includes(c))) console.log(`  (${c}: ${counts.get(c)})`);
  const rate = (20 * total) / sentences;
  console.log(`  checks 2–7 together: ${total} findings, ${rate.toFixed(3)} per 20 sentences (target < 1): ${rate < 1 ? 'met' : 'NOT met'}`);
  if (judged.size) {
    const fa = verdicts.get('false-alarm') ?? 0;
    console.log(`  read one by one (${path.relative(ROOT, values.judged!)}): ${verdicts.get('defect') ?? 0} defects of the reference, ${fa} false alarms, ${unjudged.length} not judged yet`);
    console.log(`  false alarms among them: ${((20 * fa) / sentences).toFixed(3)} per 20 sentences${unjudged.length ? ` (plus up to ${((20 * unjudged.length) / sentences).toFixed(3)} from the findings not judged)` : ''}`);
    for (const u of unjudged.slice(0, 20)) console.log(`    not judged: ${u}`);
    // A judged row no longer raised: a fixed false alarm, or a real defect a change silenced.
    const gone = new Map<string, number>();
    for (const [key, v] of judged) if (!seen.has(key)) gone.set(v, (gone.get(v) ?? 0) + 1);
    if (gone.size) console.log(`  judged but no longer raised: ${gone.get('false-alarm') ?? 0} false alarms, ${gone.get('defect') ?? 0} defects`);
  }
  for (const e of examples) console.log(`  ${e}`);
}
