// PDF of an HTML report, printed by headless Chromium (Debian's, through playwright-core; no
// browser is downloaded). TADQIQ_CHROMIUM names another binary. The PDF's dates and file id are
// set from the report's timestamp and content, so the same report gives the same bytes.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { InputError } from '../core/types.js';

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env['TADQIQ_CHROMIUM'] ?? '/usr/bin/chromium';
}

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function pdfDate(iso: string): string {
  const d = new Date(iso);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `D:${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}

/**
 * Replaces Skia's /CreationDate, /ModDate and trailer /ID with fixed values of the same byte
 * length, so the cross-reference offsets stay valid.
 */
export function fixPdfStamps(pdf: Buffer, generatedAt: string): Buffer {
  let s = pdf.toString('latin1');
  const stamp = pdfDate(generatedAt);
  s = s.replace(/\/(CreationDate|ModDate) \(D:([0-9]+)([^)]*)\)/g, (m, key: string, digits: string, rest: string) => {
    const fixed = (stamp.slice(2) + '0'.repeat(digits.length)).slice(0, digits.length);
    const tail = rest.length ? `+00'00'`.padEnd(rest.length, ' ').slice(0, rest.length) : '';
    return `/${key} (D:${fixed}${tail})`;
  });
  const body = s.replace(/\/ID \[<[0-9A-Fa-f]+> <[0-9A-Fa-f]+>\]/g, '');
  const hash = createHash('sha256').update(body, 'latin1').digest('hex').toUpperCase();
  s = s.replace(/\/ID \[<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>\]/g, (_m, a: string, b: string) => `/ID [<${hash.slice(0, a.length).padEnd(a.length, '0')}> <${hash.slice(0, b.length).padEnd(b.length, '0')}>]`);
  return Buffer.from(s, 'latin1');
}

export async function htmlToPdf(html: string, opts: { generatedAt: string; chromium?: string }): Promise<Buffer> {
  const exe = opts.chromium ?? chromiumPath();
  if (!fs.existsSync(exe)) {
    throw new InputError(`Chromium not found at ${exe}: install Debian's chromium (apt-get install -y chromium) or set TADQIQ_CHROMIUM`, { field: 'TADQIQ_CHROMIUM' });
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: exe, args: ARGS });
  try {
    const page = await browser.newPage();
    // The report is self-contained: anything it tried to fetch would be a bug, so block it.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true });
    return fixPdfStamps(Buffer.from(pdf), opts.generatedAt);
  } finally {
    await browser.close();
  }
}
