// A horizontal bar chart as inline SVG: one bar per label, its count written beside it. No script and
// no external resource, so the report opens offline and under a strict content security policy.
import { escapeHtml } from './escape.js';

export interface Bar {
  label: string;
  value: number;
  /** A CSS colour (from a fixed palette, never user data). */
  colour: string;
}

const ROW = 22;
const LABEL_WIDTH = 230;
const BAR_WIDTH = 300;

export function barChart(title: string, bars: Bar[]): string {
  if (bars.length === 0) return `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption><p class="muted">none</p></figure>`;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const height = bars.length * ROW + 4;
  const width = LABEL_WIDTH + BAR_WIDTH + 60;
  const rows = bars.map((bar, index) => {
    const y = index * ROW + 2;
    const length = Math.max(bar.value > 0 ? 2 : 0, Math.round((bar.value / max) * BAR_WIDTH));
    return [
      `<text x="${LABEL_WIDTH - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(clip(bar.label, 34))}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y + 3}" width="${length}" height="${ROW - 6}" fill="${bar.colour}"><title>${escapeHtml(`${bar.label}: ${bar.value}`)}</title></rect>`,
      `<text x="${LABEL_WIDTH + length + 6}" y="${y + 15}">${bar.value}</text>`,
    ].join('');
  });
  return (
    `<figure class="chart"><figcaption>${escapeHtml(title)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(title)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${rows.join('')}</svg></figure>`
  );
}

function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
