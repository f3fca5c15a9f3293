// TMX 1.4b translation memories (as memoQ, Trados and Okapi export them): one <tu> per segment
// pair, one <tuv xml:lang> per language, inline codes (<bpt> <ept> <ph> <it> <ut>) dropped,
// <hi> text kept. The whole file becomes one document; tuid, notes and props are kept per segment.
import { primarySubtag } from '../core/lang.js';
import { InputError } from '../core/types.js';
import type { ImportResult, ImportSegment } from './segmented.js';
import { child, elements, flattenInline, lineOfNth, parseXml, textOf, type XmlElement } from './xml.js';

const KEEP = new Set(['hi', 'seg']);

export interface LangOptions {
  sourceLang?: string;
  targetLang?: string;
  system?: string;
  title?: string;
}

const langOf = (e: XmlElement) => (e.attrs['xml:lang'] ?? e.attrs['lang'] ?? '').trim();
const sameLang = (a: string, b: string) => a.toLowerCase() === b.toLowerCase() || primarySubtag(a) === primarySubtag(b);

export function parseTmx(xml: string, file: string, opts: LangOptions = {}): ImportResult {
  const root = parseXml(xml, file);
  if (root.local !== 'tmx') throw new InputError(`not a TMX file: the root element is <${root.name}>, expected <tmx>`, { file, line: 1 });
  const header = child(root, 'header');
  const body = child(root, 'body');
  if (!body) throw new InputError('<tmx> has no <body>', { file });
  const tus = elements(body, 'tu');
  if (tus.length === 0) throw new InputError('the TMX body holds no <tu>', { file });

  const headerSrc = header?.attrs['srclang'];
  let sourceLang = opts.sourceLang ?? (headerSrc && headerSrc !== '*all*' ? headerSrc : undefined);
  const langs = new Map<string, string>();
  for (const tu of tus) for (const tuv of elements(tu, 'tuv')) langs.set(langOf(tuv).toLowerCase(), langOf(tuv));
  if (!sourceLang) {
    if (langs.size === 0) throw new InputError('no <tuv xml:lang> in the file', { file });
    sourceLang = [...langs.values()][0]!;
  }
  const others = [...langs.values()].filter((l) => !sameLang(l, sourceLang!));
  const targetLang = opts.targetLang ?? others[0];
  if (!targetLang) throw new InputError(`every <tuv> is in the source language ${sourceLang}; expected a second language`, { file, field: 'xml:lang' });
  if (!opts.targetLang && new Set(others.map((l) => primarySubtag(l))).size > 1) {
    throw new InputError(`the file holds several target languages (${others.join(', ')}); choose one with --target-lang`, { file, field: 'xml:lang' });
  }

  const segments: ImportSegment[] = [];
  tus.forEach((tu, k) => {
    // The line is looked up only for a message: scanning for it on every <tu> would be quadratic.
    const at = () => {
      const line = lineOfNth(xml, 'tu', k);
      return { file, ...(line ? { line } : {}) };
    };
    const tuvs = elements(tu, 'tuv');
    const pick = (lang: string) => {
      const found = tuvs.filter((t) => sameLang(langOf(t), lang));
      if (found.length > 1) throw new InputError(`<tu> has ${found.length} <tuv> in ${lang}; expected one`, { ...at(), field: 'tuv' });
      const seg = found[0] ? child(found[0], 'seg') : undefined;
      if (found[0] && !seg) throw new InputError('<tuv> without <seg>', { ...at(), field: 'seg' });
      return seg ? flattenInline(seg, KEEP, file).text : '';
    };
    const source = pick(sourceLang!);
    const target = pick(targetLang);
    const notes = elements(tu, 'note').map((n) => textOf(n).trim()).filter(Boolean);
    const props = elements(tu, 'prop').map((p) => `${p.attrs['type'] ?? 'prop'}: ${textOf(p).trim()}`);
    const id = tu.attrs['tuid'];
    const meta = {
      ...(id ? { id } : {}),
      ...(notes.length || props.length ? { notes: [...notes, ...props] } : {}),
    };
    segments.push({ source, target, ...(Object.keys(meta).length ? { meta } : {}) });
  });
  const headerProp = (type: string) => (header ? elements(header, 'prop').find((p) => p.attrs['type'] === type) : undefined);
  const base = (headerProp('x-document') ? textOf(headerProp('x-document')!) : '') || file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const tqSystem = headerProp('x-system') ? textOf(headerProp('x-system')!) : undefined;
  const tqTitle = headerProp('x-title') ? textOf(headerProp('x-title')!) : undefined;
  return {
    format: 'tmx',
    file,
    documents: [
      {
        doc: base,
        system: opts.system ?? tqSystem ?? header?.attrs['creationtool'] ?? 'tmx',
        title: opts.title ?? tqTitle ?? base,
        sourceLang: sourceLang!,
        targetLang,
        segments,
        annotations: [],
      },
    ],
  };
}
