// The aligner's global weights as a flat set of named knobs, for the tuner (tune-align.ts) and
// experiments: bead priors (nats relative to 1-1) and the model's scalar weights.
import { MOVES, type ModelParams, defaultParams } from '../../server/align/model.js';

export type Knobs = Record<string, number>;

/** The knobs and the model parameters they set. Priors are in nats relative to 1-1. */
export function toParams(k: Knobs): Partial<ModelParams> {
  const shapes: Record<string, number> = {
    '1-1': 0, '1-0': k['skip']!, '0-1': k['skip']!, '2-1': k['merge']!, '1-2': k['merge']!,
    '2-2': k['twoTwo']!, '3-1': k['three']!, '1-3': k['three']!, '3-2': k['wide']!, '2-3': k['wide']!,
    '4-1': k['four']!, '1-4': k['four']!,
  };
  return {
    prior: MOVES.map(([a, b]) => shapes[`${a}-${b}`]!),
    lengthWeight: k['lengthWeight']!,
    lexWeight: k['lexWeight']!,
    missWeight: k['missWeight']!,
    chanceWeight: k['chanceWeight']!,
    maxReward: k['maxReward']!,
    s2: k['s2']!,
    wordWeight: k['wordWeight']!,
    skipLengthWeight: k['skipLengthWeight']!,
    gaussShare: k['gaussShare']!,
  };
}

export function knobsFromDefaults(): Knobs {
  const d = defaultParams();
  const prior = (a: number, b: number) => d.prior[MOVES.findIndex(([x, y]) => x === a && y === b)]!;
  return {
    skip: prior(1, 0), merge: prior(2, 1), twoTwo: prior(2, 2), three: prior(3, 1), wide: prior(3, 2), four: prior(4, 1),
    lengthWeight: d.lengthWeight, lexWeight: d.lexWeight, missWeight: d.missWeight, chanceWeight: d.chanceWeight,
    maxReward: d.maxReward, s2: d.s2, wordWeight: d.wordWeight, skipLengthWeight: d.skipLengthWeight,
    gaussShare: d.gaussShare,
  };
}

