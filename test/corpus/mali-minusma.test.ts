import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadDefaultTypology, isKnownCategory } from '../../server/core/typology.js';
import { readCorpus } from '../../server/ingest/corpus.js';
import { segment } from '../../server/segment/index.js';
import { SEED_CORPUS, SHARED, hasShared } from '../helpers/paths.js';

// sha256 of ../shared/seed/mali-minusma.ar.txt, the MT as delivered.
const SEED_SHA256 = '41cc9973026a0ecc33c71d5d773cb282a371df58dfee5654f9d144b0808ce249';

describe('the Mali/MINUSMA corpus', () => {
  const corpus = readCorpus(SEED_CORPUS);
  const doc = corpus.documents[0]!;

  it('carries the seed MT byte for byte', function () {
    const bytes = fs.readFileSync(path.join(SEED_CORPUS, 'mt.ar.txt'));
    assert.equal(createHash('sha256').update(bytes).digest('hex'), SEED_SHA256);
    if (hasShared()) assert.ok(bytes.equals(fs.readFileSync(path.join(SHARED, 'seed/mali-minusma.ar.txt'))));
  });

  it('has an English source and a reference with the MT paragraphing and sentence count', () => {
    const mt = segment(doc.pair.targetText, 'ar');
    const en = segment(doc.pair.sourceText, 'en');
    const ref = segment(doc.pair.references[0]!, 'ar');
    assert.equal(en.paragraphs.length, mt.paragraphs.length);
    assert.equal(ref.paragraphs.length, mt.paragraphs.length);
    assert.equal(en.sentences.length, 15);
    assert.equal(ref.sentences.length, 15);
    // The same sentence count in every paragraph.
    const perPara = (s: typeof mt) => s.paragraphs.map((p) => s.sentences.filter((x) => x.paragraph === p.index).length);
    assert.deepEqual(perPara(en), perPara(mt));
    assert.deepEqual(perPara(ref), perPara(mt));
  });

  it('ships a glossary with the junta entry and the statuses the issue asks for', () => {
    const junta = doc.pair.glossary!.entries.find((e) => e.terms.some((t) => t.text === 'junta'))!;
    const ar = Object.fromEntries(junta.terms.filter((t) => t.lang === 'ar').map((t) => [t.text, t.status]));
    assert.deepEqual(ar, { 'المجلس العسكري': 'preferred', 'الطغمة العسكرية': 'admitted', 'الخنتة': 'deprecated' });
    const english = new Set(doc.pair.glossary!.entries.flatMap((e) => e.terms.filter((t) => t.lang === 'en').map((t) => t.text)));
    for (const t of ['peacekeeper', 'MINUSMA', 'Kidal', 'Gao', 'Tuareg', 'JNIM', 'improvised explosive device', 'al-Qaida', 'Azawad']) {
      assert.ok(english.has(t), `glossary lacks ${t}`);
    }
  });

  it('has an expert review of well over a dozen real errors, all on valid spans and categories', () => {
    const typology = loadDefaultTypology();
    assert.ok(doc.review.length >= 20, `only ${doc.review.length} errors`);
    for (const a of doc.review) {
      assert.ok(isKnownCategory(typology, a.category), a.category);
      assert.ok(a.end > a.start && a.end <= doc.pair.targetText.length);
      assert.ok(a.comment && a.comment.length > 10, 'every error is explained');
    }
    const categories = new Set(doc.review.map((a) => a.category.split('/')[0]));
    for (const c of ['Accuracy', 'Terminology', 'Linguistic conventions', 'Style']) assert.ok(categories.has(c), c);
    // All three الخنتة are in the review.
    const junta = doc.review.filter((a) => doc.pair.targetText.slice(a.start, a.end).includes('الخنتة'));
    assert.equal(junta.length, 3);
  });
});
