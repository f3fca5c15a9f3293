import assert from 'node:assert/strict';
import { InputError } from '../../server/core/types.js';
import { parseTbx, parseTermStatus } from '../../server/ingest/tbx.js';

describe('TBX import', () => {
  it('reads TBX v3 (conceptEntry/langSec/termSec) with statuses, gender and notes', () => {
    const g = parseTbx(`<?xml version="1.0"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
 <tbxHeader><fileDesc><sourceDesc><p>News</p></sourceDesc></fileDesc></tbxHeader>
 <text><body><conceptEntry id="c1"><descrip type="subjectField">politics</descrip>
  <langSec xml:lang="en"><termSec><term>junta</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
  <langSec xml:lang="ar">
   <termSec><term>المجلس العسكري</term><termNote type="grammaticalGender">masculine</termNote><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
   <termSec><term>الخنتة</termNote></termSec>
  </langSec></conceptEntry></body></text></tbx>`.replace('<term>الخنتة</termNote>', '<term>الخنتة</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote><note>never</note>'));
    assert.equal(g.entries.length, 1);
    const e = g.entries[0]!;
    assert.equal(e.id, 'c1');
    assert.equal(e.subject, 'politics');
    assert.deepEqual(e.terms.map((t) => [t.lang, t.text, t.status]), [
      ['en', 'junta', 'preferred'],
      ['ar', 'المجلس العسكري', 'preferred'],
      ['ar', 'الخنتة', 'deprecated'],
    ]);
    assert.equal(e.terms[1]!.gender, 'masculine');
    assert.equal(e.terms[2]!.note, 'never');
  });

  it('reads the older martif layout with tig and ntig/termGrp', () => {
    const g = parseTbx(`<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>old</p></sourceDesc></fileDesc></martifHeader>
<text><body>
 <termEntry id="t1">
  <langSet xml:lang="en"><tig><term>peacekeeper</term></tig></langSet>
  <langSet xml:lang="ar"><ntig><termGrp><term>حفظة السلام</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></termGrp></ntig>
   <tig><term>حافظي السلام</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></tig></langSet>
 </termEntry></body></text></martif>`);
    // tig and ntig siblings may come back in either order; statuses are what matter.
    const terms = Object.fromEntries(g.entries[0]!.terms.map((t) => [t.text, `${t.lang}:${t.status}`]));
    assert.deepEqual(terms, { peacekeeper: 'en:preferred', 'حفظة السلام': 'ar:admitted', 'حافظي السلام': 'ar:superseded' });
  });

  it('accepts loose status spellings and rejects unknown ones', () => {
    assert.equal(parseTermStatus('forbidden'), 'deprecated');
    assert.equal(parseTermStatus('notRecommended'), 'deprecated');
    assert.equal(parseTermStatus('deprecatedTermAdmnSts'), 'deprecated');
    assert.equal(parseTermStatus('Obsolete'), 'superseded');
    assert.equal(parseTermStatus('preferred'), 'preferred');
    assert.equal(parseTermStatus('whatever'), undefined);
  });

  it('names the file and line of malformed XML', () => {
    assert.throws(
      () => parseTbx('<tbx>\n<text><body>\n<conceptEntry>\n</body></text></tbx>', 'bad.tbx'),
      (e: unknown) => e instanceof InputError && /^bad\.tbx, line \d+: not well-formed XML/.test(e.message),
    );
    assert.throws(() => parseTbx('<html></html>', 'page.html'), /root element must be <tbx> or <martif>/);
  });
});
