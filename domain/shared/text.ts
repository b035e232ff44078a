/**
 * Vietnamese text folding: people type with and without diacritics, in any
 * case, with stray spaces. `fold` maps all of these to one comparable form.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower-case words of a folded text, punctuation dropped (keeps digits, %, /, . and - inside tokens). */
export function words(text: string): string[] {
  return fold(text)
    .replace(/[^a-z0-9%/.\-\s]/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^[.\-/]+|[.\-/]+$/g, ''))
    .filter(Boolean);
}

/** Shortens a text to at most `max` characters on a word boundary, with an ellipsis. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[,;:.\-–\s]+$/, '')}…`;
}

/** Normalises a Vietnamese decimal ("99,16", "2.540") written in a report to a number, or null. */
export function parseVnNumber(raw: string): number | null {
  const s = raw.trim();
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^\d+(,\d+)?$/.test(s)) return Number(s.replace(',', '.'));
  if (/^\d+(\.\d+)?$/.test(s)) return Number(s);
  return null;
}
