-- Documents hold the original texts: the MT is stored once and never altered.
CREATE TABLE documents (
  id              TEXT PRIMARY KEY,
  corpus          TEXT NOT NULL,
  title           TEXT NOT NULL,
  source_lang     TEXT NOT NULL,
  target_lang     TEXT NOT NULL,
  system          TEXT NOT NULL,
  source_text     TEXT NOT NULL,
  target_text     TEXT NOT NULL,
  source_sha256   TEXT NOT NULL,
  target_sha256   TEXT NOT NULL,
  references_json TEXT NOT NULL DEFAULT '[]',
  glossary_json   TEXT,
  checks_json     TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
);

-- Reviewer decisions. Offsets are UTF-16 code units into the document's original side text.
-- Deletes are soft (deleted_at) so that nothing a reviewer did is lost.
CREATE TABLE annotations (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  side        TEXT NOT NULL CHECK (side IN ('source', 'target')),
  start       INTEGER NOT NULL CHECK (start >= 0),
  "end"       INTEGER NOT NULL CHECK ("end" > start),
  text        TEXT NOT NULL,
  category    TEXT NOT NULL,
  severity    TEXT NOT NULL CHECK (severity IN ('neutral', 'minor', 'major', 'critical')),
  comment     TEXT NOT NULL DEFAULT '',
  correction  TEXT NOT NULL DEFAULT '',
  author      TEXT NOT NULL,
  from_check  TEXT,
  version     INTEGER NOT NULL DEFAULT 1,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT
);
CREATE INDEX annotations_document ON annotations(document_id) WHERE deleted_at IS NULL;

-- Per-bead review status, keyed by the bead's first sentence on each side so it survives
-- re-alignment of other beads.
CREATE TABLE bead_status (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  bead_key    TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('not-started', 'reviewed', 'second-opinion')),
  author      TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  PRIMARY KEY (document_id, bead_key)
);
