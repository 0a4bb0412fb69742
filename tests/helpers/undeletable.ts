/**
 * A folder that Node cannot remove, whoever runs the test (root too, and without `chattr`, which needs root):
 * directories nested deeper than the system's path limit (PATH_MAX, 4096 bytes on Linux). Node's `rm` walks full
 * paths and fails with ENAMETOOLONG, as the app's wipe would on a folder another program made. GNU `rm`, which walks
 * relative to each directory, removes it: `release()` plays the other program letting go.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const LEVELS = 20;
const NAME = 'd'.repeat(250);

export function makeUndeletable(parent: string, name: string): { path: string; release(): void } {
  const path = join(parent, name);
  execFileSync('bash', [
    '-c',
    `set -e; mkdir "$1"; cd "$1"; for i in $(seq 1 ${LEVELS}); do mkdir ${NAME}; cd ${NAME}; done; echo bloqué > f`,
    'undeletable',
    path,
  ]);
  return { path, release: () => execFileSync('rm', ['-rf', '--', path]) };
}
