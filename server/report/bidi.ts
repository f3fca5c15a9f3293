// Mixed-direction text (an English comment quoting Arabic, an Arabic correction with a number):
// the paragraph direction comes from the script most of its letters are in, not from the first
// letter as dir="auto" would have it, and every right-to-left run is isolated so it cannot pull
// the neutral punctuation around it to the wrong side.

export interface DirRun {
  text: string;
  rtl: boolean;
}

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LETTER = /[\p{L}]/u;
// An RTL run: RTL letters and marks, plus the spaces, digits and punctuation between two of them.
const RTL_RUN = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}](?:[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{M}\p{N}\s\u060C\u061B\u061F\u066A-\u066C.,:;'"«»“”()\-–/]*[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{M}])?/gu;

export function dominantDir(text: string): 'rtl' | 'ltr' {
  let rtl = 0;
  let letters = 0;
  for (const ch of text) {
    if (!LETTER.test(ch)) continue;
    letters++;
    if (RTL_LETTER.test(ch)) rtl++;
  }
  return letters > 0 && rtl * 2 > letters ? 'rtl' : 'ltr';
}

export function bidiRuns(text: string): DirRun[] {
  const out: DirRun[] = [];
  let last = 0;
  for (const m of text.matchAll(RTL_RUN)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), rtl: false });
    out.push({ text: m[0], rtl: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), rtl: false });
  return out;
}
