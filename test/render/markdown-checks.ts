/** The tags and comment the renderers write themselves; anything else that looks like HTML leaked. */
const OWN_TAGS = /<!-- pactflow-accounts-plan -->|<\/?(?:code|b|details|summary)>/g;
// eslint-disable-next-line no-control-regex -- these are exactly what must not appear
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/** What a capped, escaped Markdown report must never contain; an empty list when it is sound. */
export function markdownProblems(md: string): string[] {
  const problems: string[] = [];
  const opened = (md.match(/<details>/g) ?? []).length;
  const closed = (md.match(/<\/details>/g) ?? []).length;
  if (opened !== closed) problems.push(`${opened} <details> but ${closed} </details>`);
  // Every block is whole: a <details> opens on a line of its own and closes before the next opens.
  let depth = 0;
  for (const tag of md.match(/<\/?details>/g) ?? []) {
    depth += tag === '<details>' ? 1 : -1;
    if (depth < 0 || depth > 1) problems.push('nested or unbalanced <details>');
  }
  // What is left once the renderer's own markup is gone: blockquote markers, its tags, its code spans.
  const rest = md
    .replace(OWN_TAGS, '')
    .replace(/^>+ ?/gm, '')
    .replace(/`(?:policy\.unmanaged|apply --allow-[a-z-]+ [\d,]+)`/g, '');
  const raw = /[<>`]/.exec(rest);
  if (raw)
    problems.push(
      `a raw ${raw[0]} from a value near ${JSON.stringify(rest.slice(raw.index - 40, raw.index + 40))}`,
    );
  if (INVISIBLE.test(md)) problems.push('an invisible or bidirectional character');
  if (md.split('\n').some((line) => line.startsWith('|') && !line.endsWith('|')))
    problems.push('a broken table row');
  return problems;
}
