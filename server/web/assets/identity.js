// @ts-check
// Who is acting, on the client side. With accounts the server knows (the session cookie); the
// page only holds the session's CSRF token, which every change carries and which is fetched
// again when the server says it is out of date (a new session after signing in again). In the
// loopback demo there is no login: the reviewer types a name, kept in this browser.

const KEY = 'tadqiq.reviewer';
let fallback = 'reviewer';
let demo = false;
let csrfHeader = 'X-CSRF-Token';
let csrfToken = '';
let reviewerHeader = 'X-Tadqiq-Reviewer';
/** @type {{ id: number, username: string, role: string } | null} */
let user = null;

/**
 * @param {{ demo: boolean, csrfToken: string, user: { id: number, username: string, role: string } | null, defaultReviewer: string, headers: { csrf: string, reviewer: string } }} data
 */
export function initIdentity(data) {
  demo = data.demo;
  csrfToken = data.csrfToken;
  csrfHeader = data.headers.csrf;
  reviewerHeader = data.headers.reviewer;
  user = data.user;
  fallback = data.defaultReviewer;
}

/** @returns {string} */
export function currentReviewer() {
  if (!demo && user) return user.username;
  return (localStorage.getItem(KEY) ?? '').trim() || fallback;
}

/** Who owns the changes this page queues: another account's queued changes are not sent as this one. */
export function owner() {
  return demo ? 'demo' : user ? `user:${user.id}` : '';
}

/**
 * Headers that say who made a change (the demo's typed name). Taken when the change is made,
 * not when it is sent, so a queued change keeps its author even if the name changes meanwhile.
 * @returns {Record<string, string>}
 */
export function identityHeaders() {
  // Percent-encoded: HTTP header values cannot carry Arabic letters.
  return demo ? { [reviewerHeader]: encodeURIComponent(currentReviewer()) } : {};
}

/** The CSRF header, with the token as of now (not stored in queued changes: it may rotate). @returns {Record<string, string>} */
export function csrfHeaders() {
  return { [csrfHeader]: csrfToken };
}

/**
 * Asks the server for the current token (after a 403 'csrf'). Resolves with the signed-in owner
 * ('' when signed out).
 * @returns {Promise<string>}
 */
export async function refreshSession() {
  const res = await fetch('/api/session', { cache: 'no-store' });
  if (!res.ok) throw new Error(`session: ${res.status}`);
  const body = await res.json();
  csrfToken = body.csrfToken;
  demo = body.demo;
  user = body.user;
  return owner();
}

/** @param {HTMLInputElement | null} input */
export function bindReviewerInput(input) {
  if (!input) return;
  input.value = currentReviewer();
  input.addEventListener('change', () => {
    const name = input.value.trim();
    if (name) localStorage.setItem(KEY, name.slice(0, 80));
    else localStorage.removeItem(KEY);
    input.value = currentReviewer();
  });
}
