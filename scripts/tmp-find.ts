import { runChecks } from '../server/check/index.js';
import { ntrexDocuments } from './ntrex.js';
const docs = ntrexDocuments('/work/shared/data/ntrex128-en-ar');
const want = new Set(process.argv.slice(2));
for (const d of docs) {
  for (const f of runChecks(d as any)) {
    if (!want.has(f.check)) continue;
    const t = f.side === 'target' ? d.target.text : d.source.text;
    const ls = t.lastIndexOf('\n', f.start) + 1;
    const lineNo = t.slice(0, ls).split('\n').length - 1;
    console.log(`--- ${d.id} [${f.check}] ${f.side} «${f.text}» ${f.message}\nEN: ${d.source.text.split('\n')[lineNo]}\nAR: ${d.target.text.split('\n')[lineNo]}`);
  }
}
