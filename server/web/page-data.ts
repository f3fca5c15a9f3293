// Data the reviewer page's script needs (typology, keymap), written into the page as JSON.
import keymap from './assets/keymap.json' with { type: 'json' };

/** JSON that is safe inside <script type="application/json">: no "<" can close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export interface Shortcut {
  action: string;
  keys: string[];
  label: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: Shortcut[];
}

export const KEYMAP: ShortcutGroup[] = keymap.groups;

const NAMES: Record<string, string> = {
  ArrowLeft: '←',
  ArrowRight: '→',
  ArrowUp: '↑',
  ArrowDown: '↓',
  Escape: 'Esc',
  Enter: 'Enter',
};

/** How a key is written on the sheet: "Shift+ArrowLeft" → "Shift+←". */
export function keyLabel(key: string): string {
  const m = /^((?:(?:Ctrl|Shift|Alt|Meta)\+)*)(.+)$/.exec(key)!;
  return `${m[1]}${NAMES[m[2]!] ?? m[2]}`;
}
