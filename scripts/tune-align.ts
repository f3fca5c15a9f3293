// Coordinate search over the aligner's global weights, on data kept apart from the reported
// evaluation: NTREX perturbed with seeds 2, 7, 8, 9, 10 (the evaluation uses 1, 3, 4, 5, 6), the
// Text+Berg dev document, and one ~4,000-sentence text made of the NTREX documents. Prints every improvement; the final line is a JSON object of parameter values to
// copy into defaultParams() (server/align/model.ts).
//
//   npx tsx scripts/tune-align.ts [--ntrex DIR] [--textberg DIR] [--rounds 3] [--start '{"skip":4.5}']
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAnchors } from '../server/align/anchors.js';
import { alignDetailed } from '../server/align/index.js';
import type { GoldBead } from './align/beads.js';
import { fromLines, readNtrex, readTextBergDev } from './align/data.js';
import { STANDARD_RATES, perturb } from './align/gold.js';
import { rng } from './lib/random.js';
import { type Knobs, knobsFromDefaults, toParams } from './align/knobs.js';
import { scoreDocuments } from './align/score.js';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const argv = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const k = argv.indexOf(name);
  return k >= 0 && argv[k + 1] !== undefined ? argv[k + 1]! : fallback;
};

const STEPS: Record<string, number[]> = {
  skip: [-1, -0.5, 0.5, 1], merge: [-0.5, -0.25, 0.25, 0.5], twoTwo: [-1, -0.5, 0.5, 1], three: [-1, -0.5, 0.5, 1],
  wide: [-1, 1], four: [-1, 1], lengthWeight: [-0.2, -0.1, 0.1, 0.2], lexWeight: [-0.2, -0.1, 0.1, 0.2],
  missWeight: [-0.2, -0.1, 0.1, 0.2], chanceWeight: [-0.5, -0.25, 0.25, 0.5], maxReward: [-2, 2],
  s2: [-1.5, -0.75, 0.75, 1.5], wordWeight: [0.1, 0.2, -0.1], skipLengthWeight: [0.2, 0.4, -0.2],
  gaussShare: [0.25, 0.5, -0.25, -0.5],
};

async function main(): Promise<void> {
  const ntrex = readNtrex(arg('--ntrex', path.resolve(ROOT, '../shared/data/ntrex128-en-ar')));
  // Five seeds pooled (2, 7, 8, 9, 10): one suite has only ~40 omissions, too few to tune on.
  const nt = [2, 7, 8, 9, 10].flatMap((seed) => perturb(ntrex, seed, STANDARD_RATES));
  const tb = readTextBergDev(arg('--textberg', path.resolve(ROOT, '../shared/data/textberg-defr-dev')));
  // A long document too (all documents twice, shuffled, one text): its parameters are estimated
  // over the whole text, which stresses the model differently from 16-sentence news stories.
  const r = rng(2);
  const order = [...ntrex, ...ntrex].map((d) => ({ d, k: r() })).sort((a, b) => a.k - b.k).map((x) => x.d);
  const longDoc = perturb([{ id: 'long', source: order.flatMap((d) => d.source), target: order.flatMap((d) => d.target) }, ...ntrex], 2, STANDARD_RATES)[0]!;
  const rounds = Number(arg('--rounds', '3'));
  let knobs: Knobs = { ...knobsFromDefaults(), ...JSON.parse(arg('--start', '{}')) };

  // Anchors do not depend on the weights: extract them once.
  const prepare = (docs: Array<{ source: string[]; target: string[]; gold: GoldBead[] }>, sl: string, tl: string) =>
    docs.map((d) => {
      const s = fromLines(d.source, sl);
      const t = fromLines(d.target, tl);
      return { s, t, gold: d.gold, anchors: buildAnchors(s, t) };
    });
  const ntPrepared = prepare(nt, 'en', 'ar');
  const tbPrepared = prepare([tb], 'de', 'fr');
  const longPrepared = prepare([longDoc], 'en', 'ar');
  const evaluate = (k: Knobs) => {
    const params = toParams(k);
    const run = (docs: typeof ntPrepared) =>
      scoreDocuments(docs.map((d) => ({ gold: d.gold, test: alignDetailed(d.s, d.t, { params, anchors: d.anchors }).beads.map((b) => [b.source, b.target] as GoldBead) })));
    const a = run(ntPrepared);
    const b = run(tbPrepared);
    const c = run(longPrepared);
    // Both F1 targets count, and omission/addition recall below 0.84 costs extra (the target is
    // 0.8; the margin absorbs the difference between seeds, which reached 0.036 between these
    // seeds and the evaluation's at a margin of 0.82).
    const j = a.f1Strict + b.f1Strict + c.f1Strict + 2 * Math.min(0, Math.min(a.omissionRecall, a.additionRecall) - 0.84);
    return { j, text: `NTREX ${a.f1Strict.toFixed(4)} om ${a.omissionRecall.toFixed(3)} add ${a.additionRecall.toFixed(3)} | TB ${b.f1Strict.toFixed(4)} | long ${c.f1Strict.toFixed(4)}` };
  };

  let best = evaluate(knobs);
  console.log(`start ${best.j.toFixed(4)} ${best.text}`);
  for (let r = 0; r < rounds; r++) {
    let improved = false;
    for (const name of Object.keys(STEPS)) {
      for (const step of STEPS[name]!) {
        const trial = { ...knobs, [name]: Math.max(0, knobs[name]! + step) };
        if (name === 'gaussShare') trial[name] = Math.min(1, trial[name]!);
        const res = evaluate(trial);
        if (res.j > best.j + 1e-4) {
          best = res;
          knobs = trial;
          improved = true;
          console.log(`${name} → ${trial[name]!.toFixed(3)}: ${res.j.toFixed(4)} ${res.text}`);
        }
      }
    }
    console.log(`round ${r + 1}: ${JSON.stringify(knobs)}`);
    if (!improved) break;
  }
  console.log(JSON.stringify(knobs));
}

await main();
