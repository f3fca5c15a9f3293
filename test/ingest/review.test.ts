import assert from 'node:assert/strict';
import { InputError } from '../../server/core/types.js';
import { parseReview } from '../../server/ingest/review.js';

const texts = { source: 'The junta ordered it. The junta left.', target: 'أمرت الخنتة بذلك. ثم غادرت الخنتة.' };
const line = (o: Record<string, unknown>) => JSON.stringify({ category: 'Terminology', severity: 'major', ...o });

describe('review files', () => {
  it('locates spans by text, context or occurrence', () => {
    const r = parseReview(
      ['# comment', '', line({ text: 'الخنتة', occurrence: 2 }), line({ text: 'الخنتة', context: 'أمرت الخنتة' }), line({ side: 'source', text: 'ordered' })].join('\n'),
      texts,
    );
    assert.deepEqual(r.map((a) => [a.side, a.start, a.end]), [
      ['target', texts.target.lastIndexOf('الخنتة'), texts.target.lastIndexOf('الخنتة') + 6],
      ['target', 5, 11],
      ['source', 10, 17],
    ]);
  });

  it('names the line and field of every problem', () => {
    const cases: Array<[string, RegExp]> = [
      ['{not json', /r\.jsonl, line 1: not valid JSON/],
      [line({ text: 'الخنتة' }), /line 1, field "text": "الخنتة" occurs 2 times; add "context" or "occurrence"/],
      [line({ text: 'غير موجود' }), /line 1, field "text": .*does not occur/],
      [line({ text: 'الخنتة', severity: 'huge' }), /line 1, field "severity"/],
      [line({ text: 'الخنتة', occurrence: 1, extra: 1 }), /line 1/],
      ['\n\n' + line({ text: 'الخنتة', context: 'الخنتة' }), /line 3, field "context"/],
    ];
    for (const [content, re] of cases) {
      assert.throws(() => parseReview(content, texts, 'r.jsonl'), (e: unknown) => e instanceof InputError && re.test(e.message), content);
    }
  });
});
