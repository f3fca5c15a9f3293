// Writing direction by language, for lang/dir attributes.
const RTL = new Set(['ar', 'arb', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb', 'ku']);

export function primarySubtag(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

export function dirOf(lang: string): 'rtl' | 'ltr' {
  return RTL.has(primarySubtag(lang)) ? 'rtl' : 'ltr';
}
