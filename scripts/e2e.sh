#!/usr/bin/env bash
# Builds the renderer and runs end-to-end specs, one run at a time on this machine (flock), so parallel work on
# two cores does not trample out/ or starve Chromium. Usage: scripts/e2e.sh [spec files…]
set -euo pipefail
cd "$(dirname "$0")/.."
exec flock /tmp/point-numerique-e2e.lock sh -c 'npx electron-vite build >/dev/null && npx playwright test "$@"' e2e "$@"
