// A change made against a version that is no longer the stored one. Carries the current state,
// so the client can show what changed instead of overwriting it silently.
export class VersionConflict<T = unknown> extends Error {
  constructor(
    readonly current: T,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`expected version ${expected}, the stored version is ${actual}`);
    this.name = 'VersionConflict';
  }
}
