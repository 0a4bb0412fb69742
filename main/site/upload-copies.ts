import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { asDiskFault } from '../errors';
import type { Logger } from '../log';
import { safeUploadName } from './uploads';

/**
 * How long the decrypted copies given to the site's file input stay on disk after the chooser was answered. The
 * desktop adapter has the input hold them in memory as soon as it has them (main/site/file-input.ts); this short
 * delay is for a page that started reading the file itself on its `change` event.
 */
export const UPLOAD_COPY_MS = 3_000;
/** A copy another program holds (an antivirus, on Windows) is tried again every second, this many times. */
const REMOVE_TRIES = 10;

/**
 * The decrypted copies of pièces written for the official site's file input: one folder per chooser answer,
 * inside the session workspace (so a crash leaves them to the start-up sweep of sessions/), deleted a few seconds
 * after the answer, and all at once when the site closes or the session ends.
 */
export class UploadCopies {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly options: { lifetimeMs?: number; log?: Logger } = {}) {}

  /** Writes the copies in a new folder under `root`; on a full disk, nothing half-written stays. */
  async write(root: string, files: Array<{ name: string; bytes: Buffer }>): Promise<{ dir: string; paths: string[] }> {
    const dir = join(root, randomUUID());
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const paths: string[] = [];
      for (const [index, file] of files.entries()) {
        const path = join(dir, safeUploadName(file.name, index));
        await writeFile(path, file.bytes, { mode: 0o600, flag: 'wx' });
        paths.push(path);
      }
      return { dir, paths };
    } catch (error) {
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      throw asDiskFault(error);
    }
  }

  /** Deletes the folder once its copies have been read: after the lifetime, or now (`0`). */
  expire(dir: string, afterMs = this.options.lifetimeMs ?? UPLOAD_COPY_MS): void {
    this.schedule(dir, afterMs, 1);
  }

  /** Deletes every copy under `root` now (the site closes, the session ends). */
  async removeAll(root: string): Promise<void> {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await rm(root, { recursive: true, force: true });
  }

  private schedule(dir: string, afterMs: number, attempt: number): void {
    clearTimeout(this.timers.get(dir));
    const timer = setTimeout(() => void this.remove(dir, attempt), afterMs);
    // A pending deletion must not keep the web host or a test process alive; the wipe and the sweep remain.
    timer.unref?.();
    this.timers.set(dir, timer);
  }

  private async remove(dir: string, attempt: number): Promise<void> {
    try {
      await rm(dir, { recursive: true, force: true });
      this.timers.delete(dir);
    } catch {
      if (attempt < REMOVE_TRIES) return this.schedule(dir, 1_000, attempt + 1);
      this.timers.delete(dir);
      // Left to the end of the session (the folder goes with the workspace) and to the start-up sweep.
      this.options.log?.error('site.upload_copy_kept', { tries: attempt });
    }
  }
}
