/**
 * What the bot says, independent of any chat app. Text is message keys from
 * locales/ with their arguments; each channel renders them its own way
 * (Telegram: HTML and inline buttons; Zalo and the console: numbered text).
 */
export type Args = Record<string, string | number | null | undefined>;

/** A piece of text: a locale key with arguments, or literal user data (titles, names) shown as is. */
export type Text = { key: string; args?: Args } | { raw: string };

export interface Line {
  text: Text;
  /** Rendered bold where the channel can. */
  strong?: boolean;
  /** Indented one level (list items). */
  indent?: boolean;
}

export interface Choice {
  /** Opaque id handed back when chosen: ≤ 48 ASCII bytes (Telegram callback data is ≤ 64). */
  id: string;
  label: Text;
  /** Other words accepted as this choice when typed ("có", "ok", "huy"). */
  words?: string[];
}

export interface OutFile {
  kind: 'document' | 'photo';
  fileName: string;
  mime: string;
  data: Uint8Array;
  caption?: Text;
}

export interface Reply {
  lines: Line[];
  choices?: Choice[];
  /** Ask for the phone number through the platform's contact button, where it has one. */
  requestContact?: boolean;
  /** Typed digits are data here (a percentage), not the number of a choice: text channels list choices without numbers. */
  freeNumbers?: boolean;
  files?: OutFile[];
  /** The id of the prompt these choices are (set by the engine): Telegram puts it in each button's callback data. */
  promptId?: string;
}

export const t = (key: string, args?: Args): Text => ({ key, args });
export const raw = (text: string): Text => ({ raw: text });
export const line = (text: Text, opts: Omit<Line, 'text'> = {}): Line => ({ text, ...opts });
export const say = (key: string, args?: Args): Reply => ({ lines: [line(t(key, args))] });
