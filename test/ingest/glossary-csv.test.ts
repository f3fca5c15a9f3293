import assert from 'node:assert/strict';
import path from 'node:path';
import { InputError } from '../../server/core/types.js';
import { readGlossaryFile } from '../../server/ingest/corpus.js';
import { parseGlossaryCsv } from '../../server/ingest/glossary-csv.js';
import { ROOT } from '../helpers/paths.js';
import { checkPair } from '../check/helpers.js';

describe('CSV glossaries', () => {
  it('joins rows of a concept, reads statuses and notes, and splits cells on |', () => {
    const g = parseGlossaryCsv(
      'id,en,ar,status,note\nc-junta,junta | military junta,المجلس العسكري,preferred,\nc-junta,,الطغمة العسكرية,admitted,\nc-junta,,الخنتة,deprecatedTerm-admn-sts,"Sound-spelling, never use"\n,peacekeeper,حفظة السلام,,\n',
      'g.csv',
    );
    assert.equal(g.entries.length, 2);
    const junta = g.entries[0]!;
    assert.deepEqual(junta.terms.map((t) => [t.lang, t.text, t.status]), [
      ['en', 'junta', 'preferred'], ['en', 'military junta', 'preferred'], ['ar', 'المجلس العسكري', 'preferred'],
      ['ar', 'الطغمة العسكرية', 'admitted'], ['ar', 'الخنتة', 'deprecated'],
    ]);
    assert.equal(junta.terms[4]!.note, 'Sound-spelling, never use');
    assert.equal(junta.terms[4]!.rawStatus, 'deprecatedTerm-admn-sts');
    assert.equal(g.entries[1]!.id, 'term:peacekeeper');
  });

  it('reads TSV and per-language status columns', () => {
    const g = parseGlossaryCsv('en\tar\tstatus:ar\njunta\tالخنتة\tforbidden\n', 'g.tsv');
    assert.deepEqual(g.entries[0]!.terms.map((t) => t.status), ['preferred', 'deprecated']);
  });

  it('drives the terminology check like a TBX file', () => {
    const g = parseGlossaryCsv('id,en,ar,status\nj,junta,المجلس العسكري,preferred\nj,,الخنتة,deprecated\n', 'g.csv');
    const f = checkPair('The junta ordered it.', 'أمرت الخنتة بذلك.', { only: 'terminology', glossary: g });
    assert.deepEqual(f.map((x) => [x.text, x.suggestion]), [['الخنتة', 'المجلس العسكري']]);
  });

  it('reports bad input with file, line and field', () => {
    const cases: Array<[string, RegExp]> = [
      ['id,en,ar,status\nj,junta,الخنتة,banned\n', /g\.csv, line 2, field "status": unknown status "banned"/],
      ['id,en\nj,junta\n', /two language columns/],
      ['id,en,ar,colour\n', /line 1, field "colour": unknown column/],
      ['en,ar,en\n', /appears twice/],
      ['', /empty glossary/],
    ];
    for (const [text, re] of cases) assert.throws(() => parseGlossaryCsv(text, 'g.csv'), (e: unknown) => e instanceof InputError && re.test(e.message), text);
  });

  it('loads the dev corpus glossary from its manifest', () => {
    const g = readGlossaryFile(path.join(ROOT, 'corpora/checks-dev/glossary.csv'));
    assert.ok(g.entries.some((e) => e.terms.some((t) => t.text === 'الوزير الأول' && t.status === 'deprecated')));
  });
});
