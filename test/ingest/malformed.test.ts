import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../../server/core/types.js';
import { runImport, type ImportRequest } from '../../server/ingest/import.js';
import { MAX_XML_DEPTH } from '../../server/ingest/xml.js';
import { readCorpus } from '../../server/ingest/corpus.js';
import { counts, FORMATS, fixture, memoryStore, typology } from '../helpers/formats.js';
import { SEED_CORPUS } from '../helpers/paths.js';

/** Runs an import that must fail, and checks the message and that nothing was written. */
async function refused(req: ImportRequest, message: RegExp) {
  const store = memoryStore();
  const seed = readCorpus(SEED_CORPUS).documents[0]!.pair;
  await store.documents.insert(seed);
  const before = await counts(store);
  await assert.rejects(runImport(store, typology, req), (e: unknown) => {
    assert.ok(e instanceof InputError, `expected an InputError, got ${String(e)}`);
    assert.match(e.message, message);
    return true;
  });
  assert.deepEqual(await counts(store), before, 'nothing was written');
  store.close();
}

const xliff = fs.readFileSync(path.join(FORMATS, 'okapi.xlf'), 'utf8');

describe('ingest: malformed input is refused and nothing is written', () => {
  it('truncated XML names the file and the line', async () => {
    const cut = xliff.slice(0, xliff.indexOf('</unit>') + 3);
    await refused({ file: { name: 'cut.xlf', bytes: Buffer.from(cut) } }, /^cut\.xlf, line \d+: not well-formed XML/);
    await refused({ file: { name: 'cut.tmx', bytes: fs.readFileSync(path.join(FORMATS, 'trados.tmx')).subarray(0, 900) } }, /^cut\.tmx, line \d+: not well-formed XML/);
  });

  it(`deeply nested XML (more than ${MAX_XML_DEPTH} levels) is refused before parsing`, async () => {
    const deep = `<?xml version="1.0"?><xliff version="2.0" srcLang="en" trgLang="ar"><file id="f"><unit id="u"><segment><source>${'<pc id="1">'.repeat(5000)}x${'</pc>'.repeat(5000)}</source></segment></unit></file></xliff>`;
    await refused({ file: { name: 'deep.xlf', bytes: Buffer.from(deep) } }, /deep\.xlf, line 1: elements are nested more than 64 deep/);
  });

  it('an entity-expansion bomb is refused', async () => {
    const bomb = `<?xml version="1.0"?>\n<!DOCTYPE tmx [\n<!ENTITY a "aaaaaaaaaa">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n]>\n<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>&c;</seg></tuv></tu></body></tmx>`;
    await refused({ file: { name: 'bomb.tmx', bytes: Buffer.from(bomb) } }, /bomb\.tmx, line 2: the DOCTYPE declares entities/);
  });

  it('a 50 MB file is refused by size, before it is decoded', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024, 0x61);
    await refused({ file: { name: 'huge.tsv', bytes: big } }, /^huge\.tsv: the file is 50\.0 MB; the limit is 20 MB/);
  });

  it('wrong encodings and binary files are refused with what was expected', async () => {
    await refused({ file: { name: 'fr.tsv', bytes: Buffer.from('source\ttarget\nS\xe9curit\xe9\tأمن\n', 'latin1') } }, /fr\.tsv, line 2, field "encoding": not valid UTF-8.*expected UTF-8, UTF-16 with a byte-order mark or Windows-1256/);
    await refused({ file: { name: 'photo.tmx', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]) } }, /photo\.tmx.*binary data/);
    await refused({ file: { name: 'k.xlf', bytes: fs.readFileSync(path.join(FORMATS, 'okapi.xlf')) }, encoding: 'utf-16le' }, /k\.xlf, field "encoding": truncated utf-16le text/);
  });

  it('mismatched content: a TMX named as XLIFF, a text pair with different line counts, an unknown category', async () => {
    await refused({ format: 'xliff', file: fixture('trados.tmx') }, /trados\.tmx, line 1: not an XLIFF file: the root element is <tmx>, expected <xliff>/);
    await refused(
      { source: { name: 'en.txt', bytes: Buffer.from('a\nb\nc\n') }, target: { name: 'ar.txt', bytes: Buffer.from('أ\nب\n') }, segmentation: 'lines' },
      /ar\.txt: one segment a line needs the same number of lines: the source has 3, the translation 2/,
    );
    const wmt = fs.readFileSync(path.join(FORMATS, 'wmt-mqm-enar.tsv'), 'utf8') + 'engine-c\tkidal.1\t1\t1\trater9\tA.\t<v>ب</v>.\tAccuracy/Hallucinated Physics\tBanana\t\n';
    await refused({ file: { name: 'wmt.tsv', bytes: Buffer.from(wmt) } }, /wmt\.tsv, line 12, field "severity": unknown severity "Banana"/);
  });

  it('a file whose second document collides with a stored one writes neither', async () => {
    // The seed's own Marot export, with a second document that would reuse the seed's id.
    const store = memoryStore();
    const seed = readCorpus(SEED_CORPUS).documents[0]!.pair;
    await store.documents.insert(seed);
    await runImport(store, typology, { file: fixture('pairs.csv'), corpus: 'x' });
    const before = await counts(store);
    // pairs.csv again: both of its documents exist now, and it brings no annotations.
    await assert.rejects(runImport(store, typology, { file: fixture('pairs.csv'), corpus: 'x' }), /already exists and the file brings no annotations/);
    assert.deepEqual(await counts(store), before);
    // The store's transaction itself: the second item fails, the first is rolled back.
    await assert.rejects(
      store.imports.commit([
        { kind: 'new', doc: { ...seed, id: 'fresh-doc' }, annotations: [] },
        { kind: 'new', doc: seed, annotations: [] },
      ]),
      /already exists; nothing was imported/,
    );
    assert.equal(await store.documents.get('fresh-doc'), undefined);
  });
});
