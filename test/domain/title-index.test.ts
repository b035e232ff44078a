/**
 * The title index finds the tasks a topic selects without reading every
 * assignment: for any topic, exactly the titles `topicMatcher` accepts — on
 * the titles of the sample appendices and on synthetic ones, with and without
 * diacritics, abbreviations (whose expansions may hold a filler word),
 * alternatives ("và", "hoặc", commas) and numbers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { topicMatcher } from '../../domain/questions/answer-filter.ts';
import { TitleIndex } from '../../domain/questions/title-index.ts';

function titlesOf(value: unknown, into: string[]): string[] {
  if (Array.isArray(value)) for (const v of value) titlesOf(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'title' && typeof v === 'string') into.push(v);
      else titlesOf(v, into);
    }
  }
  return into;
}

const samples = ['chuong-trinh-cong-tac-2026-phu-luc.json', 'dac-khu-cat-hai-phu-luc-1.json'].flatMap((f) =>
  titlesOf(JSON.parse(readFileSync(new URL(`../../prisma/seed/${f}`, import.meta.url), 'utf8')), []),
);
const synthetic = [
  'Nhiệm vụ số 1000 về chuyển đổi số và đổi mới sáng tạo',
  'Nhiệm vụ số 10000 về chuyển đổi số',
  'Xây dựng cơ sở dữ liệu dân cư',
  'Phát triển khoa học và công nghệ',
  'Ứng dụng khoa học công nghệ trong nông nghiệp',
  'Phủ sóng 5G toàn thành phố',
  'Bảo đảm an toàn thông tin mạng',
  'Đảm bảo an toàn, thông tin', // words apart: "an toan thong tin" still holds all of them
  'Chuyển đổi số', // decomposed marks below
  'Chuyển đổi số'.normalize('NFD'),
  '',
];
const ROWS = [...samples, ...synthetic].map((title, i) => ({ id: 10 * (i + 1), title }));

const TOPICS = [
  'kinh phí và nhân lực', 'CĐS', 'cds', 'chuyển đổi số', 'chuyen doi so', 'xay dung ke hoach 2026', '5G', '4G', 'phủ sóng 5G',
  'an toan thong tin', 'ATTT', 'KHCN', 'CSDL', 'cơ sở dữ liệu', 'khoa học, công nghệ', 'dữ liệu; nền tảng', '1000', '10000',
  'Nghị quyết 57-NQ/TW', 'học bạ số', 'hạ tầng số hoặc 5G', 'DVC', 'dịch vụ công trực tuyến', 'thủ tục hành chính',
  'không có chủ đề này', 'nhiệm vụ', 'xã', 'Cát Hải',
];

describe('the title index', () => {
  const index = new TitleIndex(ROWS);
  it.each(TOPICS)('"%s": exactly the titles topicMatcher accepts', (topic) => {
    const m = topicMatcher(topic)!;
    const expected = ROWS.filter((r) => m(r.title)).map((r) => r.id);
    expect(index.tasks(topic)).toEqual(expected);
  });

  it('holds something to compare: most topics select some titles and not all', () => {
    const sizes = TOPICS.map((t) => index.tasks(t)!.length);
    expect(sizes.filter((n) => n > 0 && n < ROWS.length).length).toBeGreaterThan(TOPICS.length / 2);
  });

  it('a topic of filler words alone narrows nothing (null, as topicMatcher)', () => {
    expect(index.tasks('về')).toBeNull();
    expect(index.tasks('của các')).toBeNull();
  });
});
