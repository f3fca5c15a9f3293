-- The reviewer workspace: suggestions accepted or dismissed, post-edits, per-document notes and
-- verdict, timing logs, replayable requests for the offline queue, and corrected alignments.

-- A client-generated id lets a queued create be retried without creating twice, and lets queued
-- edits address an annotation before the server has answered. finding_id ties an accepted
-- suggestion to the annotation it became, so the suggestion reappears if that is deleted.
ALTER TABLE annotations ADD COLUMN client_id TEXT;
ALTER TABLE annotations ADD COLUMN finding_id TEXT;
CREATE UNIQUE INDEX annotations_client_id ON annotations(document_id, client_id) WHERE client_id IS NOT NULL;

-- A team's own typology (categories and severities), named by the corpus manifest.
ALTER TABLE documents ADD COLUMN typology_json TEXT;

-- The latest decision on an automatic finding. 'open' is a restored dismissal; acceptance is
-- recorded on the annotation (finding_id), not here.
CREATE TABLE finding_decisions (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  finding_id  TEXT NOT NULL,
  decision    TEXT NOT NULL CHECK (decision IN ('dismissed', 'open')),
  author      TEXT NOT NULL,
  decided_at  TEXT NOT NULL,
  PRIMARY KEY (document_id, finding_id)
);

-- Post-edits are append-only revisions; the newest row per bead is the current one and an empty
-- text clears it. mt_text is the MT the reviewer corrected, so a later re-alignment can tell.
CREATE TABLE post_edits (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  bead_key    TEXT NOT NULL,
  mt_text     TEXT NOT NULL,
  text        TEXT NOT NULL,
  author      TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX post_edits_bead ON post_edits(document_id, bead_key, id);

CREATE TABLE document_reviews (
  document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  notes       TEXT NOT NULL DEFAULT '',
  verdict     TEXT NOT NULL DEFAULT 'undecided' CHECK (verdict IN ('undecided', 'pass', 'fail')),
  author      TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

-- Rater behaviour, as Anthea logs it: per bead and action, a count and the milliseconds spent.
-- Rows are deltas sent by the client; reports sum them.
CREATE TABLE timing_events (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  bead_key    TEXT NOT NULL,
  reviewer    TEXT NOT NULL,
  action      TEXT NOT NULL,
  count       INTEGER NOT NULL CHECK (count >= 0),
  ms          INTEGER NOT NULL CHECK (ms >= 0),
  at          TEXT NOT NULL
);
CREATE INDEX timing_events_document ON timing_events(document_id);

-- Answers to requests that carried an Idempotency-Key, replayed when the offline queue retries
-- a request whose answer it never saw.
CREATE TABLE request_log (
  key         TEXT PRIMARY KEY,
  document_id TEXT,
  method      TEXT NOT NULL,
  path        TEXT NOT NULL,
  status      INTEGER NOT NULL,
  body        TEXT,
  created_at  TEXT NOT NULL
);

-- Reviewer-corrected alignments, append-only; the newest row per document is in force. The text
-- hashes say which texts it was made for. alignment_json is the corrected alignment as JSON; a
-- NULL returns the document to the automatic alignment.
CREATE TABLE alignments (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id    TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  alignment_json TEXT,
  source_sha256 TEXT NOT NULL,
  target_sha256 TEXT NOT NULL,
  author        TEXT NOT NULL,
  created_at    TEXT NOT NULL
);
CREATE INDEX alignments_document ON alignments(document_id, id);
