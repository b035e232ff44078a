import { describe, expect, it } from 'vitest';
import { splitForTelegram } from '../../bot/telegram/render.ts';
import { splitText } from '../../bot/zalo/split-text.ts';

/** Long answers are lists of items: a task's head line and its indented lines stay in one message. */
describe('long answers split between items only', () => {
  const item = (i: number) => `🔴 A.II.${i} (12-KH/TU) · Nhiệm vụ số ${i} về chuyển đổi số ${'của đặc khu '.repeat((i * 7) % 5)}\n   Đặc khu Cát Hải · quá hạn ${i} ngày · 30%\n   Hạn: 31/12/2027`;
  const text = ['Việc của anh/chị: 60 đang mở', ...Array.from({ length: 60 }, (_, i) => item(i + 1))].join('\n');
  const check = (parts: string[], limit: number) => {
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(limit);
      // Every part starts with an item's head, never with its deadline or unit line.
      expect(p.split('\n')[0]).toMatch(/^(🔴|Việc của)/);
      expect(p.split('\n').at(-1)).toMatch(/Hạn: 31\/12\/2027$|^Việc của/);
    }
    expect(parts.join('\n')).toBe(text);
  };

  it('Zalo (2,000 characters)', () => check(splitText(text, 2000), 2000));
  it('Telegram (4,096 characters)', () => check(splitForTelegram(text, 4096), 4096));
});
