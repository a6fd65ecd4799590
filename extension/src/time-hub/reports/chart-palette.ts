/**
 * Series colours of the report chart. Each has at least 3:1 contrast (WCAG's bar for
 * graphics) against both the light (#ffffff) and the dark (#1e1e1e) page background:
 * test/unit/extension/chart-palette.test.ts checks it.
 */
export const SERIES_COLORS = ['#0078d4', '#ca5010', '#498205', '#8764b8', '#038387', '#c239b3', '#986f0b', '#d13438'] as const;
/** The colour of "Other": everything past the named series. */
export const OTHER_COLOR = '#8a8886';
export const PAGE_BACKGROUNDS = { light: '#ffffff', dark: '#1e1e1e' } as const;

const channel = (hex: string, at: number) => {
  const v = parseInt(hex.slice(at, at + 2), 16) / 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const luminance = (hex: string) => 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
