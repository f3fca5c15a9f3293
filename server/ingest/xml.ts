// Untrusted XML (TMX, XLIFF) parsed safely: size limit, no entity declarations (the "billion
// laughs" bomb needs them), bounded nesting depth, well-formedness checked with line numbers,
// then an order-preserving tree because inline markup and text interleave.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { InputError } from '../core/types.js';

export const MAX_XML_DEPTH = 64;

export interface XmlElement {
  name: string;
  /** Local name without a namespace prefix. */
  local: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // Entities are decoded below, in one pass, so that "&amp;#65;" stays the text "&#65;".
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
  cdataPropName: '#cdata',
});

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string, where: { file: string }): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);/g, (m, body: string) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(cp) || cp > 0x10ffff) throw new InputError(`bad character reference ${m}`, where);
      return String.fromCodePoint(cp);
    }
    const v = NAMED[body];
    if (v === undefined) throw new InputError(`undeclared entity ${m}`, where);
    return v;
  });
}

function lineAt(xml: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (xml.charCodeAt(i) === 10) line++;
  return line;
}

/** Nesting depth of the element tree, by a scan over tags (comments, CDATA, PIs skipped). */
function checkDepth(xml: string, file: string): void {
  let depth = 0;
  const re = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>|<(\/?)[A-Za-z_][^>]*?(\/?)>/g;
  for (const m of xml.matchAll(re)) {
    if (m[0].startsWith('<!') || m[0].startsWith('<?')) continue;
    if (m[1]) depth--;
    else if (!m[2]) {
      depth++;
      if (depth > MAX_XML_DEPTH) {
        throw new InputError(`elements are nested more than ${MAX_XML_DEPTH} deep; refused as malformed or hostile`, { file, line: lineAt(xml, m.index) });
      }
    }
  }
}

function convert(nodes: unknown[], file: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const raw of nodes) {
    const n = raw as Record<string, unknown>;
    if ('#text' in n) {
      out.push(decodeEntities(String(n['#text']), { file }));
      continue;
    }
    if ('#comment' in n) continue;
    const name = Object.keys(n).find((k) => k !== ':@');
    if (!name) continue;
    if (name === '#cdata') {
      // CDATA content is literal text.
      const inner = n[name] as Array<Record<string, unknown>>;
      out.push(inner.map((c) => String(c['#text'] ?? '')).join(''));
      continue;
    }
    const attrsRaw = (n[':@'] ?? {}) as Record<string, unknown>;
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(attrsRaw)) attrs[k] = decodeEntities(String(v), { file });
    const colon = name.indexOf(':');
    out.push({ name, local: colon === -1 ? name : name.slice(colon + 1), attrs, children: convert(n[name] as unknown[], file) });
  }
  return out;
}

/** Parses XML text into an ordered tree; throws InputError naming the file and line. */
export function parseXml(xml: string, file: string): XmlElement {
  const doctype = /<!DOCTYPE[^>[]*\[([\s\S]*?)\]\s*>/i.exec(xml);
  if (doctype && /<!ENTITY/i.test(doctype[1]!)) {
    throw new InputError('the DOCTYPE declares entities; they are refused (a guard against entity-expansion bombs)', { file, line: lineAt(xml, doctype.index) });
  }
  checkDepth(xml, file);
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (valid !== true) {
    throw new InputError(`not well-formed XML: ${valid.err.msg}`, { file, line: valid.err.line });
  }
  const tree = convert(parser.parse(xml) as unknown[], file);
  const root = tree.find((n): n is XmlElement => typeof n !== 'string');
  if (!root) throw new InputError('no root element', { file });
  return root;
}

export const elements = (e: XmlElement, local?: string): XmlElement[] =>
  e.children.filter((c): c is XmlElement => typeof c !== 'string' && (local === undefined || c.local === local));

export const child = (e: XmlElement, local: string): XmlElement | undefined => elements(e, local)[0];

/** All text inside an element, markup removed. */
export function textOf(e: XmlNode): string {
  return typeof e === 'string' ? e : e.children.map(textOf).join('');
}

/** Approximate line of an element for messages: the n-th occurrence of its start tag. */
export function lineOfNth(xml: string, tag: string, n: number): number | undefined {
  const re = new RegExp(`<${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s/>]`, 'g');
  let k = 0;
  for (const m of xml.matchAll(re)) {
    if (k++ === n) return lineAt(xml, m.index);
  }
  return undefined;
}

export interface InlineMark {
  el: XmlElement;
  start: number;
  end: number;
}

/**
 * Flattens the inline content of a segment to plain text. Elements named in `keep` are
 * transparent (their text stays); every other element is a code and disappears; <cp hex>
 * becomes its character. <mrk> spans and <sm>/<em> pairs are reported with their offsets.
 */
/** Standalone placeholders a reader should still see: their equiv/disp text, or plain code text. */
const PLACEHOLDERS = new Set(['ph', 'x']);
function placeholderText(n: XmlElement): string {
  const shown = n.attrs['equiv'] ?? n.attrs['disp'] ?? n.attrs['equiv-text'];
  if (shown !== undefined) return shown;
  const code = textOf(n);
  // Native code that is markup (<br/>) means nothing to a reviewer; {date} or %s does.
  return code.length <= 24 && !/[<>]/.test(code) ? code : '';
}

export function flattenInline(e: XmlElement, keep: ReadonlySet<string>, file: string): { text: string; marks: InlineMark[] } {
  let text = '';
  const marks: InlineMark[] = [];
  const open = new Map<string, { el: XmlElement; start: number }>();
  const walk = (n: XmlNode) => {
    if (typeof n === 'string') {
      text += n;
      return;
    }
    if (n.local === 'cp') {
      const cp = parseInt(n.attrs['hex'] ?? '', 16);
      if (!Number.isFinite(cp)) throw new InputError(`<cp> without a valid hex attribute`, { file });
      text += String.fromCodePoint(cp);
      return;
    }
    if (n.local === 'sm') {
      open.set(n.attrs['id'] ?? '', { el: n, start: text.length });
      return;
    }
    if (n.local === 'em') {
      const o = open.get(n.attrs['startRef'] ?? '');
      if (o) {
        marks.push({ el: o.el, start: o.start, end: text.length });
        open.delete(n.attrs['startRef'] ?? '');
      }
      return;
    }
    if (PLACEHOLDERS.has(n.local)) {
      text += placeholderText(n);
      return;
    }
    if (!keep.has(n.local)) return;
    const start = text.length;
    n.children.forEach(walk);
    if (n.local === 'mrk') marks.push({ el: n, start, end: text.length });
  };
  e.children.forEach(walk);
  return { text, marks };
}
