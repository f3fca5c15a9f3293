-- Accounts, sessions, assignments, the audit history and adjudication (issue 6).

-- A user without a password hash cannot sign in (the loopback demo account). Usernames are
-- NFC-normalised by the application; the unique index ignores ASCII case.
CREATE TABLE users (
  id                   INTEGER PRIMARY KEY AUTOINCREMENT,
  username             TEXT NOT NULL,
  role                 TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'viewer')),
  password_hash        TEXT,
  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  disabled_at          TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
);
CREATE UNIQUE INDEX users_username ON users(username COLLATE NOCASE);

-- The cookie holds a random id; only its SHA-256 is stored, so a copy of the database (a backup)
-- cannot be used to take over a live session. Each session has its own CSRF token.
CREATE TABLE sessions (
  id_hash      TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

-- Which reviewers may change which documents.
CREATE TABLE assignments (
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  assigned_by TEXT NOT NULL,
  assigned_at TEXT NOT NULL,
  PRIMARY KEY (document_id, user_id)
);
CREATE INDEX assignments_user ON assignments(user_id);

-- Annotations belong to the account that made them (NULL: imported, or made before accounts
-- existed; `author` still names who). The 'final' layer is the adjudicated set: copies of
-- reviewers' marks that an admin accepted or edited.
ALTER TABLE annotations ADD COLUMN user_id INTEGER REFERENCES users(id);
ALTER TABLE annotations ADD COLUMN layer TEXT NOT NULL DEFAULT 'review' CHECK (layer IN ('review', 'final'));
CREATE INDEX annotations_layer ON annotations(document_id, layer) WHERE deleted_at IS NULL;

-- Every change a person makes, with the state before and after (JSON), written in the same
-- transaction as the change itself.
CREATE TABLE audit_events (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  entity      TEXT NOT NULL CHECK (entity IN ('annotation', 'finding', 'adjudication')),
  entity_id   TEXT NOT NULL,
  action      TEXT NOT NULL,
  user_id     INTEGER REFERENCES users(id),
  actor       TEXT NOT NULL,
  at          TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT
);
CREATE INDEX audit_events_document ON audit_events(document_id, id);
CREATE INDEX audit_events_entity ON audit_events(document_id, entity, entity_id);

-- An admin's decision on one reviewer mark. final_id is the final-layer annotation an accepted
-- or edited mark became; mark_version is the mark's version when it was decided, so a mark
-- changed afterwards shows up as needing a new decision.
CREATE TABLE adjudications (
  document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  mark_id      INTEGER NOT NULL REFERENCES annotations(id),
  mark_version INTEGER NOT NULL,
  decision     TEXT NOT NULL CHECK (decision IN ('accepted', 'edited', 'rejected')),
  final_id     INTEGER REFERENCES annotations(id),
  note         TEXT NOT NULL DEFAULT '',
  user_id      INTEGER REFERENCES users(id),
  decided_by   TEXT NOT NULL,
  decided_at   TEXT NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (document_id, mark_id)
);
