// TBX glossaries: TBX v3 / TBX-Basic (conceptEntry → langSec → termSec) and the older TBX 2008
// / martif layout (termEntry → langSet → tig | ntig/termGrp), any namespace, DCA style.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError, type Glossary, type GlossaryEntry, type Term, type TermStatus } from '../core/types.js';

const REPEATED = new Set([
  'conceptEntry', 'termEntry', 'langSec', 'langSet', 'termSec', 'tig', 'ntig', 'termGrp',
  'termNote', 'descrip', 'note', 'descripGrp', 'admin', 'term',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  textNodeName: '#text',
  trimValues: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  isArray: (name) => REPEATED.has(name),
});

type Node = Record<string, unknown>;

/** Reads the administrative status however it is spelled (TBX-Basic, TBX-Min, Translate Toolkit). */
export function parseTermStatus(raw: string | undefined): TermStatus | undefined {
  if (!raw) return undefined;
  const s = raw.trim().toLowerCase().replace(/-?admn-?sts$/u, '').replace(/termadmnsts$/u, '').replace(/term$/u, '');
  if (/^(preferred)$/.test(s)) return 'preferred';
  if (/^(admitted|permitted|accepted)$/.test(s)) return 'admitted';
  if (/^(deprecated|forbidden|notrecommended|not-recommended|rejected)$/.test(s)) return 'deprecated';
  if (/^(superseded|obsolete|outdated)$/.test(s)) return 'superseded';
  return undefined;
}

function text(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(text).join('');
  const n = node as Node;
  // Mixed content (e.g. <term>al-<hi>Qaida</hi></term>): join the text parts.
  return Object.entries(n)
    .filter(([k]) => !k.startsWith('@_'))
    .map(([, v]) => text(v))
    .join('');
}

function asArray(v: unknown): Node[] {
  if (v === undefined || v === null) return [];
  return (Array.isArray(v) ? v : [v]) as Node[];
}

/** termNote / descrip / admin elements of a node, including those wrapped in *Grp elements. */
function typed(node: Node, element: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (n: Node) => {
    for (const e of asArray(n[element])) {
      const type = e['@_type'];
      if (typeof type === 'string' && !out.has(type)) out.set(type, text(e).trim());
    }
    for (const grp of asArray(n[`${element}Grp`])) visit(grp);
  };
  visit(node);
  return out;
}

function readTerm(holder: Node, lang: string, file: string, entryId: string): Term | null {
  const value = text(holder['term']).trim();
  if (!value) return null;
  const notes = typed(holder, 'termNote');
  const rawStatus = notes.get('administrativeStatus') ?? notes.get('normativeAuthorization');
  const status = parseTermStatus(rawStatus);
  if (rawStatus && !status) {
    throw new InputError(`unknown administrativeStatus "${rawStatus}" for term "${value}" (expected preferred, admitted, deprecated or superseded)`, { file, field: `${entryId}/${lang}` });
  }
  const term: Term = { lang, text: value, status: status ?? 'preferred' };
  if (rawStatus) term.rawStatus = rawStatus;
  const gender = notes.get('grammaticalGender');
  if (gender) term.gender = gender;
  const pos = notes.get('partOfSpeech');
  if (pos) term.partOfSpeech = pos;
  const note = asArray(holder['note']).map(text).join(' ').trim();
  if (note) term.note = note;
  return term;
}

function langOf(node: Node): string {
  const l = node['@_lang'] ?? node['@_xml:lang'];
  return typeof l === 'string' ? l.toLowerCase() : '';
}

export function parseTbx(xml: string, file = 'glossary.tbx'): Glossary {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new InputError(`not well-formed XML: ${valid.err.msg}`, { file, line: valid.err.line });
  }
  const doc = parser.parse(xml) as Node;
  const root = (doc['tbx'] ?? doc['martif']) as Node | undefined;
  if (!root) throw new InputError('not a TBX file: the root element must be <tbx> or <martif>', { file });
  const body = ((root['text'] as Node | undefined)?.['body'] ?? {}) as Node;
  const concepts = [...asArray(body['conceptEntry']), ...asArray(body['termEntry'])];
  const entries: GlossaryEntry[] = [];
  concepts.forEach((c, k) => {
    const id = typeof c['@_id'] === 'string' ? c['@_id'] : `entry-${k + 1}`;
    const descrips = typed(c, 'descrip');
    const terms: Term[] = [];
    for (const ls of [...asArray(c['langSec']), ...asArray(c['langSet'])]) {
      const lang = langOf(ls);
      if (!lang) throw new InputError('language section without xml:lang', { file, field: id });
      for (const d of typed(ls, 'descrip')) if (!descrips.has(d[0])) descrips.set(d[0], d[1]);
      const holders = [
        ...asArray(ls['termSec']),
        ...asArray(ls['tig']),
        ...asArray(ls['ntig']).flatMap((n) => asArray(n['termGrp'])),
      ];
      for (const h of holders) {
        const t = readTerm(h, lang, file, id);
        if (t) terms.push(t);
      }
    }
    if (terms.length === 0) return;
    const entry: GlossaryEntry = { id, terms };
    const subject = descrips.get('subjectField');
    if (subject) entry.subject = subject;
    const definition = descrips.get('definition');
    if (definition) entry.definition = definition;
    entries.push(entry);
  });
  const title = text(((root['tbxHeader'] ?? root['martifHeader']) as Node | undefined)?.['fileDesc']).trim();
  return { name: title || file, entries };
}
