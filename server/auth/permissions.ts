// Who may do what. Pure: the routes gather the facts (role, assignment, ownership) and ask.
//
//   viewer    reads everything (documents, reports, exports, history, agreement);
//   reviewer  also changes documents assigned to them: marks of their own, statuses, post-edits,
//             suggestions, notes and verdict;
//   admin     everything: corpora (imports), users, assignments, adjudication, and any mark.
import type { Role, StoredAnnotation, User } from '../store/types.js';

export type Action =
  | 'read'
  | 'review' // change the shared review state of a document (statuses, post-edits, suggestions, notes)
  | 'annotate' // create a mark of one's own
  | 'edit-mark' // edit, delete or restore an existing mark
  | 'import'
  | 'manage-users'
  | 'adjudicate';

export interface Facts {
  /** The user is assigned to the document in question. */
  assigned?: boolean;
  /** The mark in question (for edit-mark). */
  mark?: Pick<StoredAnnotation, 'userId'>;
}

export const ROLE_LABELS: Record<Role, string> = { admin: 'admin', reviewer: 'reviewer', viewer: 'viewer' };

export function can(user: Pick<User, 'id' | 'role' | 'disabled'> | undefined, action: Action, facts: Facts = {}): boolean {
  if (!user || user.disabled) return false;
  if (user.role === 'admin') return true;
  switch (action) {
    case 'read':
      return true;
    case 'review':
    case 'annotate':
      return user.role === 'reviewer' && facts.assigned === true;
    case 'edit-mark':
      // Imported marks (no account) and other reviewers' marks are not a reviewer's to change.
      return user.role === 'reviewer' && facts.assigned === true && facts.mark?.userId === user.id;
    default:
      return false;
  }
}

/** Why `can` said no, in words for a 403 answer. */
export function denial(user: Pick<User, 'role'> | undefined, action: Action, facts: Facts = {}): string {
  if (!user) return 'Sign in first.';
  if (action === 'import' || action === 'manage-users' || action === 'adjudicate') return `Only an admin may do this (you are a ${user.role}).`;
  if (user.role === 'viewer') return 'Viewers can read but not change anything.';
  if (!facts.assigned) return 'You are not assigned to this document; ask an admin to assign you.';
  if (action === 'edit-mark') return 'This mark is not yours: reviewers change only their own marks.';
  return 'Not allowed.';
}
