// A database file as an earlier release left it: migrations up to `version` applied, with one
// document and one reviewer's mark in it, for the upgrade tests.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { migrations } from '../../server/store/db.js';

export function writeOldDatabase(file: string, version: number): void {
  const old = new Database(file);
  for (const m of migrations().filter((x) => x.version <= version)) old.exec(fs.readFileSync(m.file, 'utf8'));
  old.pragma(`user_version = ${version}`);
  old.exec(`INSERT INTO documents (id, corpus, title, source_lang, target_lang, system, source_text, target_text, source_sha256, target_sha256, created_at, updated_at)
    VALUES ('d', 'c', 't', 'en', 'ar', 's', 'Hello.', 'مرحبا.', 'x', 'y', '2024-01-01', '2024-01-01')`);
  old.exec(`INSERT INTO annotations (document_id, side, start, "end", text, category, severity, author, created_at, updated_at)
    VALUES ('d', 'target', 0, 5, 'مرحبا', 'Style', 'minor', 'Old Reviewer', '2024-01-01', '2024-01-01')`);
  old.close();
}
