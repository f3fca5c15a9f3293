// SQLite implementation of accounts and sessions.
import { InputError } from '../core/types.js';
import type { Db } from './db.js';
import type { Role, Session, SessionRepository, User, UserRepository } from './types.js';

interface UserRow {
  id: number;
  username: string;
  role: Role;
  password_hash: string | null;
  must_change_password: number;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

const userFromRow = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  role: r.role,
  hasPassword: r.password_hash !== null,
  mustChangePassword: r.must_change_password === 1,
  disabled: r.disabled_at !== null,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Usernames compare after NFC normalisation, so the same name typed two ways is one account. */
export const normaliseUsername = (name: string) => name.normalize('NFC').trim();

export function sqliteUsers(db: Db, now: () => string): UserRepository {
  const list = db.prepare('SELECT * FROM users ORDER BY username COLLATE NOCASE');
  const get = db.prepare('SELECT * FROM users WHERE id = ?');
  const byName = db.prepare('SELECT * FROM users WHERE username = ? COLLATE NOCASE');
  const insert = db.prepare(`INSERT INTO users (username, role, password_hash, must_change_password, created_at, updated_at)
    VALUES (@username, @role, @passwordHash, @mustChange, @now, @now)`);
  const countSignIn = db.prepare('SELECT COUNT(*) AS n FROM users WHERE password_hash IS NOT NULL AND disabled_at IS NULL');
  const create = db.transaction((u: { username: string; role: Role; passwordHash: string | null; mustChangePassword?: boolean }) => {
    const username = normaliseUsername(u.username);
    if (byName.get(username)) throw new InputError(`the username "${username}" is taken`, { field: 'username' });
    const info = insert.run({ username, role: u.role, passwordHash: u.passwordHash, mustChange: u.mustChangePassword ? 1 : 0, now: now() });
    return userFromRow(get.get(info.lastInsertRowid) as UserRow);
  });
  const update = db.transaction((id: number, patch: { role?: Role; passwordHash?: string; mustChangePassword?: boolean; disabled?: boolean }) => {
    const before = get.get(id) as UserRow | undefined;
    if (!before) return undefined;
    const t = now();
    const next = {
      id,
      role: patch.role ?? before.role,
      passwordHash: patch.passwordHash ?? before.password_hash,
      mustChange: patch.mustChangePassword === undefined ? before.must_change_password : patch.mustChangePassword ? 1 : 0,
      disabledAt: patch.disabled === undefined ? before.disabled_at : patch.disabled ? (before.disabled_at ?? t) : null,
      now: t,
    };
    db.prepare(`UPDATE users SET role = @role, password_hash = @passwordHash, must_change_password = @mustChange, disabled_at = @disabledAt, updated_at = @now WHERE id = @id`).run(next);
    return userFromRow(get.get(id) as UserRow);
  });
  return {
    async list() {
      return (list.all() as UserRow[]).map(userFromRow);
    },
    async get(id) {
      const r = get.get(id) as UserRow | undefined;
      return r ? userFromRow(r) : undefined;
    },
    async byName(username) {
      const r = byName.get(normaliseUsername(username)) as UserRow | undefined;
      return r ? userFromRow(r) : undefined;
    },
    async passwordHash(id) {
      return (get.get(id) as UserRow | undefined)?.password_hash ?? undefined;
    },
    async create(u) {
      return create(u);
    },
    async update(id, patch) {
      return update(id, patch);
    },
    async countSignIn() {
      return (countSignIn.get() as { n: number }).n;
    },
  };
}

interface SessionRow extends UserRow {
  id_hash: string;
  user_id: number;
  csrf_token: string;
  s_created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export function sqliteSessions(db: Db): SessionRepository {
  const insert = db.prepare(`INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
    VALUES (@idHash, @userId, @csrfToken, @createdAt, @lastSeenAt, @expiresAt)`);
  const get = db.prepare(`SELECT s.id_hash, s.user_id, s.csrf_token, s.created_at AS s_created_at, s.last_seen_at, s.expires_at, u.*
    FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ?`);
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
  const removeForUser = db.prepare('DELETE FROM sessions WHERE user_id = ? AND id_hash != ?');
  const purge = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  return {
    async create(s) {
      insert.run(s);
    },
    async get(idHash) {
      const r = get.get(idHash) as SessionRow | undefined;
      if (!r) return undefined;
      const session: Session = { idHash: r.id_hash, userId: r.user_id, csrfToken: r.csrf_token, createdAt: r.s_created_at, lastSeenAt: r.last_seen_at, expiresAt: r.expires_at };
      return { session, user: userFromRow(r) };
    },
    async touch(idHash, lastSeenAt, expiresAt) {
      touch.run(lastSeenAt, expiresAt, idHash);
    },
    async remove(idHash) {
      remove.run(idHash);
    },
    async removeForUser(userId, except = '') {
      return removeForUser.run(userId, except).changes;
    },
    async purgeExpired(at) {
      return purge.run(at).changes;
    },
  };
}
