/**
 * The Telegram command menu (setMyCommands): every command is a valid Bot API
 * command name with a description in Vietnamese and English; issue 15 adds
 * /kiennghi, /giaitrinh and /6ro.
 */
import { describe, expect, it } from 'vitest';
import { i18n } from '../../bot/i18n.ts';
import { COMMANDS } from '../../bot/telegram/bot.ts';

describe('the Telegram command menu', () => {
  const tr = i18n();
  it('has /kiennghi, /giaitrinh and /6ro', () => {
    expect(COMMANDS).toContain('kiennghi');
    expect(COMMANDS).toContain('giaitrinh');
    expect(COMMANDS).toContain('6ro');
  });
  it.each(COMMANDS.map((c) => [c] as const))('/%s: a valid name, described in vi and en', (c) => {
    expect(c).toMatch(/^[a-z0-9_]{1,32}$/);
    for (const locale of ['vi', 'en'] as const) {
      expect(tr.has(`telegram-cmd-${c}`, locale)).toBe(true);
      const d = tr.t(`telegram-cmd-${c}`, {}, locale);
      expect(d.length).toBeGreaterThanOrEqual(3);
      expect(d.length).toBeLessThanOrEqual(256);
    }
  });
});
