// Memoised pure functions of a string. The checks ask the same questions about the same words
// over and over (every sentence has و، في، من); a bounded cache keeps that cheap without
// growing without limit in a long-running server.
export function memo<V>(fn: (key: string) => V, max = 200_000): (key: string) => V {
  let cache = new Map<string, V>();
  return (key: string) => {
    let v = cache.get(key);
    if (v === undefined && !cache.has(key)) {
      v = fn(key);
      if (cache.size >= max) cache = new Map();
      cache.set(key, v);
    }
    return v as V;
  };
}
