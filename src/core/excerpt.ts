/**
 * The beginning of a long body, about `limit` characters: cut at the last space or line break
 * before the limit when there is one nearby (never inside a surrogate pair), with "…" after it.
 */
export function excerpt(body: string, limit: number): string {
  let end = Math.max(1, limit);
  const space = Math.max(body.lastIndexOf(' ', end), body.lastIndexOf('\n', end));
  if (space > end * 0.8) end = space;
  else if (/[\ud800-\udbff]/.test(body[end - 1] ?? '')) end--;
  return body.slice(0, end).trimEnd() + '…';
}
