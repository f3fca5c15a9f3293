import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InputError, type Severity } from '../../server/core/types.js';
import { aggregateMqm, MQM_CORE, scoreMqm, scoreMqmUnits, WMT_GOOGLE, type MqmError } from '../../server/score/mqm.js';
import { profileFromJson, resolveProfile, ruleFor } from '../../server/score/profiles.js';

const e = (severity: Severity, category: string, unit = 0, rater = 'A', origin?: MqmError['origin']): MqmError => ({ severity, category, unit, rater, ...(origin ? { origin } : {}) });

describe('MQM profiles', () => {
  it('wmt-google weighs as Freitag et al. and Marot: minor punctuation 0.1, non-translation 25, first rule wins', () => {
    const w = (s: Severity, c: string, origin?: MqmError['origin']) => ruleFor(WMT_GOOGLE, s, c, origin).weight;
    assert.equal(w('minor', 'Linguistic conventions/Punctuation'), 0.1);
    assert.equal(w('major', 'Linguistic conventions/Punctuation'), 5);
    assert.equal(w('major', 'Non-translation'), 25);
    assert.equal(w('minor', 'Accuracy/Mistranslation'), 1);
    assert.equal(w('critical', 'Accuracy/Mistranslation'), 5, 'WMT has no critical; Marot weighs it as major');
    assert.equal(w('neutral', 'Style'), 0);
    // Imported WMT labels: "Trivial" became minor, "Source error" became Other; the original labels decide.
    assert.equal(w('minor', 'Style', { severity: 'Trivial', category: 'Style/Awkward' }), 0.1);
    assert.equal(w('major', 'Other', { severity: 'Major', category: 'Source error' }), 0);
    assert.equal(w('minor', 'Accuracy/Creative Reinterpretation'), 0);
    assert.deepEqual(WMT_GOOGLE.weights, { neutral: 0, minor: 1, major: 5, critical: 5 });
  });

  it('wmt-google: at most 5 errors per segment and rater, segment = mean over raters, system = mean over rated segments', () => {
    // Unit 0: rater A marks 6 majors (only 5 count: 25); rater B one minor (1) → mean 13.
    // Unit 1: only A rated it, one minor punctuation (0.1). Unit 2: nobody rated it.
    const errors = [...Array.from({ length: 6 }, () => e('major', 'Accuracy/Mistranslation', 0, 'A')), e('minor', 'Style', 0, 'B'), e('minor', 'Linguistic conventions/Punctuation', 1, 'A')];
    const s = scoreMqmUnits(errors, { words: [10, 20, 30], ratings: { A: [0, 1], B: [0] } }, WMT_GOOGLE);
    assert.equal(s.capped, 1);
    assert.deepEqual(s.segmentPenalties, [13, 0.1, null]);
    assert.equal(s.segments, 2);
    assert.ok(Math.abs(s.meanSegmentPenalty - 6.55) < 1e-12);
    assert.ok(Math.abs(s.score + 6.55) < 1e-12, 'score is the negated mean, higher is better');
    assert.equal(s.words, 30, 'only rated segments are evaluated');
    assert.equal(s.raters, 2);
    assert.ok(Math.abs(s.byRater['A']!.penalty - 25.1) < 1e-12);
    assert.ok(Math.abs(s.byRater['A']!.score + 12.55) < 1e-12);
    assert.equal(s.byRater['B']!.score, -1);
    assert.match(s.signature, /^mqm\|profile:wmt-google\|weights:0\/1\/5\/5\|unit:segments\|segments:2\|cap:5\|raters:2\|agg:segment-mean\|version:tadqiq-1$/);
    assert.equal(s.pass, true);
    assert.equal(s.passThreshold, null);
  });

  it('mqm-core: a document reviewed by two people is not penalised twice', () => {
    const once = scoreMqmUnits([e('major', 'Accuracy', 0, 'A'), e('minor', 'Style', 1, 'A')], { words: [100, 100] });
    const twice = scoreMqmUnits([e('major', 'Accuracy', 0, 'A'), e('minor', 'Style', 1, 'A'), e('major', 'Accuracy', 0, 'B'), e('minor', 'Style', 1, 'B')], { words: [100, 100] });
    assert.equal(once.penalty, 6);
    assert.equal(twice.penalty, 6);
    assert.equal(twice.score, once.score);
    assert.equal(twice.errors, 4, 'every annotation is still counted as one');
    assert.deepEqual(twice.byCategory['Accuracy'], { count: 2, penalty: 5 });
    assert.equal(Object.keys(twice.byRater).length, 2);
    assert.match(twice.signature, /\|raters:2\|agg:segment-mean\|/);
    // Reviewers who split the document: both halves count in full.
    const split = scoreMqmUnits([e('major', 'Accuracy', 0, 'A'), e('minor', 'Style', 1, 'B')], { words: [100, 100], ratings: { A: [0], B: [1] } });
    assert.equal(split.penalty, 6);
    assert.equal(split.words, 200);
    assert.equal(split.byRater['A']!.words, 100);
    assert.equal(split.byRater['A']!.score, 95);
  });

  it('slices by category as Marot does, and counts each rule', () => {
    const s = scoreMqm([{ severity: 'major', category: 'Terminology' }, { severity: 'minor', category: 'Linguistic conventions/Grammar' }, { severity: 'minor', category: 'Other' }], 1000);
    assert.deepEqual(s.bySlice, { Accuracy: { count: 1, penalty: 5 }, Fluency: { count: 1, penalty: 1 }, Other: { count: 1, penalty: 1 } });
    assert.deepEqual(s.byRule, { Major: { count: 1, penalty: 5 }, Minor: { count: 2, penalty: 2 } });
  });

  it('custom profiles: ordered severity:category rules, first match wins; the rules hash is in the signature', () => {
    const p = profileFromJson({
      schema: 'tadqiq.mqm-profile/1', id: 'legal', name: 'Legal (omissions weigh double)',
      rules: [{ name: 'Omission', match: '^major:accuracy/omission', weight: 10 }, { name: 'Major', match: '^major:', weight: 5 }],
      weights: { minor: 1, critical: 25 }, passThreshold: 95, criticalFails: true,
    }, 'legal.json');
    const s = scoreMqm([{ severity: 'major', category: 'Accuracy/Omission' }, { severity: 'major', category: 'Accuracy/Mistranslation' }, { severity: 'minor', category: 'Style' }, { severity: 'neutral', category: 'Style' }], 1000, p);
    assert.equal(s.penalty, 16, 'omission 10 + major 5 + minor 1; neutral matches no rule and weighs 0');
    assert.equal(s.score, 98.4);
    assert.equal(s.pass, true);
    assert.match(s.signature, new RegExp(`^mqm\\|profile:legal\\|weights:0/1/5/25\\|unit:source-words\\|words:1000\\|rules:${p.hash}\\|version:tadqiq-1$`));
    assert.equal(scoreMqm([{ severity: 'critical', category: 'Style' }], 1e6, p).pass, false);
  });

  it('refuses a bad profile with the file and field, and a custom profile posing as a shipped one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tadqiq-profile-'));
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ schema: 'tadqiq.mqm-profile/1', id: 'x', name: 'X', rules: [{ name: 'R', match: '(', weight: 1 }] }));
    assert.throws(() => resolveProfile(bad), (err: unknown) => err instanceof InputError && /bad\.json, field "rules\.0\.match": not a valid regular expression/.test(err.message));
    assert.throws(() => profileFromJson({ schema: 'tadqiq.mqm-profile/1', id: 'mqm-core', name: 'X', weights: { major: 1 } }), /shipped profile's id/);
    assert.throws(() => resolveProfile('nope'), /no profile "nope"/);
    assert.equal(resolveProfile('wmt-google'), WMT_GOOGLE);
    assert.equal(resolveProfile('mqm-core'), MQM_CORE);
  });

  it('adds documents up into a system score: word-weighted per-word, mean over all segments per-segment', () => {
    const d1 = scoreMqmUnits([e('major', 'Accuracy', 0)], { words: [50, 50] });
    const d2 = scoreMqmUnits([e('minor', 'Style', 0)], { words: [300] });
    const sys = aggregateMqm([d1, d2], MQM_CORE);
    assert.equal(sys.penalty, 6);
    assert.equal(sys.words, 400);
    assert.equal(sys.score, 100 * (1 - 6 / 400));
    const w1 = scoreMqmUnits([e('major', 'Accuracy', 0)], { words: [50, 50] }, WMT_GOOGLE);
    const w2 = scoreMqmUnits([e('minor', 'Style', 0)], { words: [300] }, WMT_GOOGLE);
    const wsys = aggregateMqm([w1, w2], WMT_GOOGLE);
    assert.equal(wsys.segments, 3);
    assert.equal(wsys.score, -2, '(5 + 0 + 1) / 3 segments');
  });
});
