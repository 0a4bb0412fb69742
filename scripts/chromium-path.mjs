import { existsSync } from 'node:fs';

/** Debian's Chromium when present; otherwise undefined, so Playwright uses its own browser if installed. */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((file) => file && existsSync(file));
}
