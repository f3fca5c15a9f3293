// Writing XML text: escaping, and the characters XML 1.0 cannot hold at all.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Text content; characters XML 1.0 forbids go through `invalid` (XLIFF 2 has <cp hex>). */
export function xmlText(s: string, invalid: (ch: string) => string = () => '\uFFFD'): string {
  return escapeXml(s).replace(INVALID, (ch) => invalid(ch));
}

export const cpElement = (ch: string) => `<cp hex="${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}"/>`;
