// The sacreBLEU-compatible command line: byte-for-byte output of the real sacreBLEU 2.6.0 on
// the fixture files, its input rules, and clear one-line errors with exit code 2.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../scripts/sacrebleu.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = join(repoRoot, 'test/fixtures/sacrebleu/cli');
const script = join(repoRoot, 'scripts/sacrebleu.ts');

interface Expected {
  args: string[];
  stdin: string | null;
  stdout: string;
}
const { cases } = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { cases: Expected[] };

/** Fixture file names become paths; everything else is passed through. */
const withPaths = (args: readonly string[]): string[] => args.map((a) => (existsSync(join(dir, a)) ? join(dir, a) : a));

function cli(args: readonly string[], stdin = '', env: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runCli(withPaths(args), {
    readStdin: () => Buffer.from(stdin, 'utf8'),
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    env,
  });
  return { code, stdout, stderr };
}

function assertOneLineError(r: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^sacrebleu: error: [^\n]+\n$/);
  assert.match(r.stderr, pattern);
}

describe('sacrebleu command line', () => {
  describe('reproduces the real sacreBLEU 2.6.0 output', () => {
    for (const c of cases) {
      it(`${c.args.join(' ')}${c.stdin ? ` < ${c.stdin}` : ''}`, () => {
        const stdin = c.stdin ? readFileSync(join(dir, c.stdin), 'utf8') : '';
        const r = cli(c.args, stdin);
        assert.equal(r.stderr, '');
        assert.equal(r.code, 0);
        assert.equal(r.stdout, c.stdout);
      });
    }
  });

  it('reads relative paths from INIT_CWD, where `npm run` was started', () => {
    let stdout = '';
    const code = runCli(['ref1.txt', '-i', 'hyp.txt', '-m', 'bleu', 'chrf', 'ter', '-b'], {
      readStdin: () => Buffer.alloc(0), stdout: (t) => { stdout += t; }, stderr: () => {}, env: { INIT_CWD: dir },
    });
    assert.equal(code, 0);
    assert.equal(stdout, '[\n30.7,\n57.8,\n51.4\n]\n');
  });

  it('takes the format from SACREBLEU_FORMAT', () => {
    const text = cases.find((c) => c.args.join(' ') === 'ref1.txt -i hyp.txt -m bleu chrf ter -b -f text')!;
    const r = cli(['ref1.txt', '-i', 'hyp.txt', '-m', 'bleu', 'chrf', 'ter', '-b'], '', { SACREBLEU_FORMAT: 'TEXT' });
    assert.equal(r.stdout, text.stdout);
  });

  it('reads STDIN with universal newlines, so a lone \\r ends a line there', () => {
    // hyp.txt has a '\r' inside line 4: read as a file it is one line, from STDIN two.
    const r = cli(['ref1.txt', '-m', 'bleu'], readFileSync(join(dir, 'hyp.txt'), 'utf8'));
    assertOneLineError(r, /STDIN has 7 lines but .*ref1\.txt has 6/);
  });

  it('exits 2 naming both files and their line counts when they differ', () => {
    assertOneLineError(cli(['ref-short.txt', '-i', 'hyp.txt']), /\/hyp\.txt has 6 lines but .*\/ref-short\.txt has 4/);
  });

  it('refuses bad input with one clear line and exit code 2', () => {
    assertOneLineError(cli(['ref1.txt', '-i', 'hyp.txt', '--bogus']), /unrecognized argument: --bogus/);
    assertOneLineError(cli(['ref1.txt', '-i', 'hyp.txt', '-tok', 'nope']), /invalid choice: 'nope'/);
    assertOneLineError(cli(['ref1.txt', '-i', 'hyp.txt', '-tok', 'flores200']), /tokenizer 'flores200' is not supported/);
    assertOneLineError(cli(['missing.txt', '-i', 'hyp.txt']), /missing\.txt: no such file/);
    assertOneLineError(cli(['ref1.txt', '-i', 'hyp.txt', '-w', 'x']), /argument -w: invalid int value: 'x'/);
    assertOneLineError(cli(['ref1.txt', '-i', 'hyp.txt', '-m', 'bleu', 'ter', '-sl']), /only one metric/);
    assertOneLineError(cli(['ref1.txt', '-i', 'hyp.txt', 'hyp-nocr.txt']), /several systems/);
    assertOneLineError(cli(['ref1.txt', '-i', 'hyp.txt', '-t', 'wmt17']), /--test-set is not supported/);
    assertOneLineError(cli(['-i', 'hyp.txt']), /no reference files/);
    assertOneLineError(cli(['ref1.txt', '--num-refs', '2', '-i', 'hyp.txt']), /ref1\.txt: line 1: expected 2 tab-separated references, found 1/);
    assertOneLineError(cli(['ref1.txt', '-i', 'hyp.txt', '-e', 'no-such-codec']), /unknown encoding: no-such-codec/);
  });

  it('runs as a process: output on stdout, exit 0; errors on stderr, exit 2', function () {
    this.timeout(20000);
    const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', script, ...withPaths(args)],
      { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, SACREBLEU_FORMAT: '' } });
    const c = cases[1]!;
    const ok = run(c.args);
    assert.equal(ok.status, 0, ok.stderr);
    assert.equal(ok.stdout, c.stdout);
    const bad = run(['ref-short.txt', '-i', 'hyp.txt']);
    assert.equal(bad.status, 2);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, /^sacrebleu: error: \S*\/hyp\.txt has 6 lines but \S*\/ref-short\.txt has 4[^\n]*\n$/);
  });
});
