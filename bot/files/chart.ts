/**
 * The progress chart of a report: one horizontal bar per unit, 100% stacked
 * (done / in progress in time / overdue / not started), the unit's name on
 * the left and its figures on the right, as a PNG drawn with @napi-rs/canvas.
 *
 * Vietnamese needs a font with its stacked diacritics (ệ, ở, ữ…). Skia's own
 * fallback may pick a font without them and draw boxes, so a known font is
 * registered from the first path that exists (DejaVu Sans on Debian/Ubuntu,
 * Noto, Liberation, Arial on macOS and Windows); with none, the system's
 * sans-serif is used and `font.family` says so.
 */
import { existsSync } from 'node:fs';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';
import type { ChartBar } from '../../domain/reports/summary.ts';

export interface ChartText {
  title: string;
  subtitle?: string;
  legend: { done: string; inProgress: string; overdue: string; notStarted: string };
  /** A line under the bars ("Hiển thị 40/114 đơn vị…"), when some are left out. */
  note?: string;
}

export interface ChartFont {
  family: string;
  /** The file registered, or null when falling back to the system's sans-serif. */
  path: string | null;
}

const FAMILY = 'NQ57 Sans';
const FAMILY_BOLD = 'NQ57 Sans Bold';

/** Regular and bold faces, first existing pair wins. */
const FONT_CANDIDATES: [string, string][] = [
  ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  ['/usr/share/fonts/dejavu/DejaVuSans.ttf', '/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf'],
  ['/usr/share/fonts/TTF/DejaVuSans.ttf', '/usr/share/fonts/TTF/DejaVuSans-Bold.ttf'],
  ['/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf', '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf'],
  ['/usr/share/fonts/noto/NotoSans-Regular.ttf', '/usr/share/fonts/noto/NotoSans-Bold.ttf'],
  ['/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf'],
  ['/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf', '/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf'],
  ['/System/Library/Fonts/Supplemental/Arial.ttf', '/System/Library/Fonts/Supplemental/Arial Bold.ttf'],
  ['/Library/Fonts/Arial.ttf', '/Library/Fonts/Arial Bold.ttf'],
  ['C:\\Windows\\Fonts\\arial.ttf', 'C:\\Windows\\Fonts\\arialbd.ttf'],
];

let registered: { regular: ChartFont; bold: ChartFont } | null = null;

/** Registers a font with Vietnamese glyphs once per process; `preferred` (a .ttf/.otf path) is tried first. */
export function chartFont(preferred?: string): { regular: ChartFont; bold: ChartFont } {
  if (registered && !preferred) return registered;
  const candidates: [string, string][] = preferred ? [[preferred, preferred], ...FONT_CANDIDATES] : FONT_CANDIDATES;
  for (const [regular, bold] of candidates) {
    if (!existsSync(regular)) continue;
    if (!GlobalFonts.registerFromPath(regular, FAMILY)) continue;
    const boldPath = existsSync(bold) && GlobalFonts.registerFromPath(bold, FAMILY_BOLD) ? bold : null;
    registered = { regular: { family: FAMILY, path: regular }, bold: boldPath ? { family: FAMILY_BOLD, path: boldPath } : { family: FAMILY, path: regular } };
    return registered;
  }
  registered = { regular: { family: 'sans-serif', path: null }, bold: { family: 'sans-serif', path: null } };
  return registered;
}

export const CHART_COLORS = { done: '#2e7d32', inProgress: '#1e88e5', overdue: '#e53935', notStarted: '#bdbdbd' } as const;
const BACKGROUND = '#ffffff';
const INK = '#212121';
const MUTED = '#616161';
const GRID = '#e0e0e0';

const WIDTH = 1200;
const PAD = 32;
const ROW = 30;
const BAR = 20;
const LABEL_MAX = 380;
const FIGURES = 150;

function fit(ctx: SKRSContext2D, text: string, max: number): string {
  if (ctx.measureText(text).width <= max) return text;
  let s = text;
  while (s.length > 1 && ctx.measureText(`${s}…`).width > max) s = s.slice(0, -1);
  return `${s.trimEnd()}…`;
}

/** Draws the chart; `bars` in the order to show (top to bottom). */
export async function renderProgressChart(bars: ChartBar[], text: ChartText, options: { font?: string } = {}): Promise<Buffer> {
  const font = chartFont(options.font);
  const f = (size: number, bold = false) => `${size}px "${bold ? font.bold.family : font.regular.family}"`;
  const top = PAD + 40 + (text.subtitle ? 26 : 0) + 44;
  const height = top + Math.max(1, bars.length) * ROW + 36 + (text.note ? 28 : 0) + PAD;
  const canvas = createCanvas(WIDTH, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = BACKGROUND;
  ctx.fillRect(0, 0, WIDTH, height);

  ctx.textBaseline = 'alphabetic';
  ctx.fillStyle = INK;
  ctx.font = f(24, true);
  ctx.fillText(fit(ctx, text.title, WIDTH - 2 * PAD), PAD, PAD + 26);
  let y = PAD + 40;
  if (text.subtitle) {
    ctx.font = f(16);
    ctx.fillStyle = MUTED;
    ctx.fillText(fit(ctx, text.subtitle, WIDTH - 2 * PAD), PAD, y + 16);
    y += 26;
  }

  // legend
  ctx.font = f(16);
  let x = PAD;
  for (const key of ['done', 'inProgress', 'overdue', 'notStarted'] as const) {
    ctx.fillStyle = CHART_COLORS[key];
    ctx.fillRect(x, y + 10, 18, 18);
    ctx.fillStyle = INK;
    ctx.fillText(text.legend[key], x + 26, y + 25);
    x += 26 + ctx.measureText(text.legend[key]).width + 28;
  }

  ctx.font = f(15);
  const labelWidth = Math.min(LABEL_MAX, Math.max(120, ...bars.map((b) => ctx.measureText(b.label).width))) + 12;
  const left = PAD + labelWidth;
  const barWidth = WIDTH - PAD - FIGURES - left;

  // grid: 0, 25, 50, 75, 100%
  ctx.strokeStyle = GRID;
  ctx.lineWidth = 1;
  ctx.fillStyle = MUTED;
  ctx.font = f(13);
  ctx.textAlign = 'center';
  const bottom = top + Math.max(1, bars.length) * ROW;
  for (let i = 0; i <= 4; i++) {
    const gx = Math.round(left + (barWidth * i) / 4) + 0.5;
    ctx.beginPath();
    ctx.moveTo(gx, top - 6);
    ctx.lineTo(gx, bottom);
    ctx.stroke();
    ctx.fillText(`${i * 25}%`, gx, bottom + 18);
  }

  // bars
  bars.forEach((b, i) => {
    const by = top + i * ROW + (ROW - BAR) / 2;
    ctx.textAlign = 'right';
    ctx.fillStyle = INK;
    ctx.font = f(15);
    ctx.fillText(fit(ctx, b.label, labelWidth - 12), left - 10, by + BAR - 5);
    const total = b.done + b.inProgress + b.overdue + b.notStarted;
    let bx = left;
    if (total > 0) {
      for (const key of ['done', 'inProgress', 'overdue', 'notStarted'] as const) {
        const w = (barWidth * b[key]) / total;
        if (w <= 0) continue;
        ctx.fillStyle = CHART_COLORS[key];
        ctx.fillRect(bx, by, w, BAR);
        bx += w;
      }
    }
    ctx.textAlign = 'left';
    ctx.fillStyle = INK;
    ctx.font = f(14);
    const done = total > 0 ? Math.round((b.done / total) * 100) : 0;
    ctx.fillText(`${b.done}/${total} · ${done}%`, left + barWidth + 10, by + BAR - 5);
  });

  if (text.note) {
    ctx.textAlign = 'left';
    ctx.fillStyle = MUTED;
    ctx.font = f(14);
    ctx.fillText(fit(ctx, text.note, WIDTH - 2 * PAD), PAD, bottom + 46);
  }
  return canvas.encode('png');
}
