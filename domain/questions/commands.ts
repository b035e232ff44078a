import type { Intent } from './types.ts';

/**
 * Chat commands are shorthand for questions: each is rewritten into the
 * question it stands for and read by the same parser, so `/quahan Cát Hải`
 * and "quá hạn Cát Hải" mean exactly the same thing.
 */
export interface CommandReading {
  command: string;
  intent: Intent;
  /** The question the command stands for. */
  text: string;
  /** The argument names a unit: words left unread in it are an unknown unit, not a topic. */
  unitArgument: boolean;
  /** Why the argument cannot be read, in Vietnamese (e.g. a day count out of range). */
  invalid: string | null;
}

export const MAX_DUE_SOON_DAYS = 366;

interface CommandDef {
  intent: Intent;
  unitArgument: boolean;
  text: (args: string) => string | { invalid: string };
}

const COMMANDS: Record<string, CommandDef> = {
  quahan: { intent: 'LIST', unitArgument: true, text: (a) => `quá hạn ${a}` },
  sapden: {
    intent: 'LIST',
    unitArgument: false,
    text: (a) => {
      if (/^\d+$/.test(a)) {
        const n = Number(a);
        if (n < 1 || n > MAX_DUE_SOON_DAYS) return { invalid: `số ngày phải từ 1 đến ${MAX_DUE_SOON_DAYS}: ${a}` };
        return `sắp đến hạn trong ${n} ngày tới`;
      }
      // "/sapden 2 tuần" is a span, like "/sapden 14"
      if (/^\d+\s*\S+$/u.test(a)) return `sắp đến hạn trong ${a} tới`;
      return `sắp đến hạn ${a}`;
    },
  },
  tiendo: { intent: 'PROGRESS', unitArgument: true, text: (a) => `tiến độ ${a}` },
  vuongmac: { intent: 'DIFFICULTIES', unitArgument: true, text: (a) => `vướng mắc ${a}` },
  chamcapnhat: { intent: 'STALE_UNITS', unitArgument: false, text: (a) => `đơn vị chậm cập nhật ${a}` },
  baocao: { intent: 'REPORT', unitArgument: false, text: (a) => `báo cáo ${a}` },
  help: { intent: 'HELP', unitArgument: false, text: () => '' },
  start: { intent: 'HELP', unitArgument: false, text: () => '' },
  trogiup: { intent: 'HELP', unitArgument: false, text: () => '' },
  huongdan: { intent: 'HELP', unitArgument: false, text: () => '' },
};

export const COMMAND_NAMES = Object.keys(COMMANDS).map((c) => `/${c}`);

/**
 * Reads "/cmd[@bot] args". Returns null for text that is not a command, and a
 * reading with intent UNKNOWN for a command nobody defined.
 */
export function readCommand(text: string): CommandReading | null {
  const m = /^\/([\p{L}_\d]+)(?:@\w+)?(?:\s+([\s\S]*))?$/u.exec(text.trim());
  if (!m) return null;
  const name = m[1]!.toLowerCase().replace(/_/g, '');
  const args = (m[2] ?? '').trim();
  const def = COMMANDS[name];
  if (!def) return { command: `/${m[1]!.toLowerCase()}`, intent: 'UNKNOWN', text: args, unitArgument: false, invalid: null };
  const t = def.text(args);
  if (typeof t !== 'string') return { command: `/${name}`, intent: 'UNKNOWN', text: '', unitArgument: false, invalid: t.invalid };
  return { command: `/${name}`, intent: def.intent, text: t.trim(), unitArgument: def.unitArgument, invalid: null };
}
