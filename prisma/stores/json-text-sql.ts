/**
 * JSON written as text by SQL concatenation, for the planning statements (issue 12): a day's reminders
 * write tens of thousands of small objects (each message's lines and choices), and json_build_object
 * cost about three times as much as putting the same text together (it works out every argument's type
 * at each call); the text is read as jsonb once per message. Keys are constants; values are SQL
 * expressions giving JSON text: jStr, jNum, jLit, or another jObj/jArr.
 */

/** An object: `'{"k":' || v || ',"k2":' || v2 || '}'`. */
export const jObj = (fields: Record<string, string>): string =>
  `('{' || ${Object.entries(fields)
    .map(([k, v], i) => `'${i ? ',' : ''}${JSON.stringify(k)}:' || ${v}`)
    .join(' || ')} || '}')`;

/** An array of JSON-text expressions. */
export const jArr = (items: string[]): string => `('[' || ${items.join(` || ',' || `)} || ']')`;

/** A string value (escaped by to_json), null when the expression is null. */
export const jStr = (x: string): string => `COALESCE(to_json((${x})::text)::text, 'null')`;

/** A number value (an integer or numeric expression), null when null. */
export const jNum = (x: string): string => `COALESCE((${x})::text, 'null')`;

/** A constant (string, number or boolean). */
export const jLit = (v: string | number | boolean): string => `'${JSON.stringify(v).replaceAll("'", "''")}'`;
