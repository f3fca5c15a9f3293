import assert from 'node:assert/strict';
import { KEYMAP, keyLabel } from '../../server/web/page-data.js';
import { read } from '../helpers/paths.js';

describe('README: the keyboard shortcut sheet', () => {
  it('lists every shortcut of the page with its keys, as the page does', () => {
    const readme = read('README.md');
    for (const g of KEYMAP) {
      for (const s of g.shortcuts) {
        const row = `| ${s.keys.map((k) => `\`${keyLabel(k)}\``).join(' ')} | ${s.label} |`;
        assert.ok(readme.includes(row), `README lacks the row: ${row}`);
      }
    }
  });
});
