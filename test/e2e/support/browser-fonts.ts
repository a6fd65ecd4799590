import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The environment that lets Chromium find fonts on a machine that has none: a fontconfig
 * file that includes the system's configuration, when there is one, and adds the fonts
 * @sparticuz/chromium ships (unpacked to <tmp>/fonts/fonts). Without any font, Chromium
 * crashes on its first page. Empty when the caller chose a configuration of their own, or
 * the packaged fonts were never unpacked (a system Chromium brings its fonts along).
 */
export function fontEnvironment(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  if (env.FONTCONFIG_FILE) return {};
  const packaged = join(tmpdir(), 'fonts', 'fonts');
  if (!existsSync(packaged)) return {};
  const file = join(tmpdir(), 'timehub-fonts.conf');
  const config = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    `  <dir>${packaged}</dir>`,
    `  <cachedir>${join(tmpdir(), 'timehub-fonts-cache')}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
  // Test files launch browsers side by side: write aside, then rename, so none reads half a file.
  const written = `${file}.${process.pid}`;
  writeFileSync(written, config);
  renameSync(written, file);
  return { FONTCONFIG_FILE: file };
}
