// Checks that the end-to-end tests have a browser, and says in one line how to get one if not.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumPath } from './chromium-path.mjs';

let own;
try {
  own = chromium.executablePath();
} catch {
  own = undefined;
}
if (!chromiumPath() && !(own && existsSync(own))) {
  console.error(
    'No Chromium for the end-to-end tests: install it with `sudo apt-get install chromium` (Debian/Ubuntu) or `npx playwright install chromium`.',
  );
  process.exit(1);
}
