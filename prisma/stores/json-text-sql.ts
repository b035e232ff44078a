/**
 * JSON written as text by SQL concatenation, for the planning statements (issue 12): a day's reminders
 * write tens of thousands of small objects (each message's lines and choices), and json_build_object
 * cost about three times as much as putting the same text together (it works out every argument's type
 * at each call); the text is read as jsonb once per message. Keys are constants; values are SQL
 * expressions giving JSON text: jStr, jSafe, jNum, jLit, or another jObj/jArr.
 *
 * An object or array nested in another is spliced into the outer one's chain of `||`, and neighbouring
 * constants are merged into one literal: `'{"text":{"key":"k","args":{"n":' || v || '}}}'` is two
 * concatenations a row where the nested form was a dozen, each copying what the inner ones had built.
 */

/** The parts (SQL literals and expressions) of the texts jObj and jArr returned, for splicing them into an outer one. */
const PARTS = new Map<string, string[]>();

const LITERAL = /^'(?:[^']|'')*'$/;

/** A concatenation of parts, neighbouring literals merged, parenthesised; a nested jObj/jArr is spliced in. */
function cat(parts: string[]): string {
  const merged: string[] = [];
  for (const p of parts.flatMap((x) => PARTS.get(x) ?? [x])) {
    const last = merged.at(-1);
    if (last !== undefined && LITERAL.test(last) && LITERAL.test(p)) merged[merged.length - 1] = `${last.slice(0, -1)}${p.slice(1)}`;
    else merged.push(p);
  }
  const text = `(${merged.join(' || ')})`;
  PARTS.set(text, merged);
  return text;
}

/** An object: `'{"k":' || v || ',"k2":' || v2 || '}'`. */
export const jObj = (fields: Record<string, string>): string =>
  cat(['\'{\'', ...Object.entries(fields).flatMap(([k, v], i) => [jLit(`${i ? ',' : ''}${JSON.stringify(k)}:`, false), v]), '\'}\'']);

/** An array of JSON-text expressions. */
export const jArr = (items: string[]): string => cat(['\'[\'', ...items.flatMap((x, i) => (i ? ['\',\'', x] : [x])), '\']\'']);

/** A string value (escaped by to_json), null when the expression is null. */
export const jStr = (x: string): string => `COALESCE(to_json((${x})::text)::text, 'null')`;

/**
 * A string value that needs no escaping (an enum's label, a formatted date or month, a constant word:
 * no quote, backslash or control character), quoted without to_json; null when the expression is null.
 */
export const jSafe = (x: string): string => `COALESCE('"' || (${x}) || '"', 'null')`;

/** A number value (an integer or numeric expression), null when null. */
export const jNum = (x: string): string => `COALESCE((${x})::text, 'null')`;

/** A constant (string, number or boolean) as JSON; `json: false` takes the text as it is (a piece of JSON). */
export function jLit(v: string | number | boolean, json = true): string {
  return `'${(json ? JSON.stringify(v) : String(v)).replaceAll("'", "''")}'`;
}
