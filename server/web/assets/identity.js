// @ts-check
// Who is acting, on the client side: a name the reviewer types, kept in this browser. Accounts
// (issue 6) will replace this module and the server's middleware/reviewer.ts, nothing else.

const KEY = 'tadqiq.reviewer';
let fallback = 'reviewer';

/** @returns {string} */
export function currentReviewer() {
  return (localStorage.getItem(KEY) ?? '').trim() || fallback;
}

/**
 * Headers that say who made a change. Taken when the change is made, not when it is sent, so a
 * queued change keeps its author even if the name is changed before the queue drains.
 * @param {string} headerName @returns {Record<string, string>}
 */
export function identityHeaders(headerName) {
  // Percent-encoded: HTTP header values cannot carry Arabic letters.
  return { [headerName]: encodeURIComponent(currentReviewer()) };
}

/** @param {HTMLInputElement} input @param {string} defaultName */
export function bindReviewerInput(input, defaultName) {
  fallback = defaultName;
  input.value = currentReviewer();
  input.addEventListener('change', () => {
    const name = input.value.trim();
    if (name) localStorage.setItem(KEY, name.slice(0, 80));
    else localStorage.removeItem(KEY);
    input.value = currentReviewer();
  });
}
