// The query string as URLSearchParams reads it ('+' is a space, broken escapes become U+FFFD
// rather than errors), as the API always read it: every parameter is single-valued (the first
// one counts, like URLSearchParams.get), except the few that are lists by design.
const LISTS = new Set(['thread']);

export function parseQueryString(query: string): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = Object.create(null);
  const params = new URLSearchParams(query);
  for (const key of new Set(params.keys())) {
    result[key] = LISTS.has(key) ? params.getAll(key) : params.get(key)!;
  }
  return result;
}
