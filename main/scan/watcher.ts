import { watch, type FSWatcher } from 'chokidar';
import { lstat, stat } from 'node:fs/promises';
import { basename } from 'node:path';

/**
 * Watches the scanner's scan-to-folder target (top level only). A file is reported once it is complete: chokidar's
 * awaitWriteFinish first, then our own check that its size and date no longer change (chokidar's detection has
 * known gaps, and network shares deliver late writes). Use polling on network shares.
 *
 * The folder itself is checked every few seconds: when it disappears (share lost, USB key pulled) the watcher
 * reports 'missing' and closes; when it comes back, watching starts again and files present are reported.
 */
export type FolderState = 'watching' | 'missing' | 'error';

export interface WatcherOptions {
  folder: string;
  usePolling: boolean;
  /** Called with the path of each complete file (symlinks included, for the caller to refuse). */
  onFile(path: string): void;
  onState(state: FolderState): void;
  /** Called when a file leaves the folder. */
  onGone?(path: string): void;
  /** Milliseconds the size must stay unchanged. */
  stableMs?: number;
  /** How often the folder's presence is checked. */
  checkEveryMs?: number;
}

/** Temporary names scanners and copy tools use while writing. */
const PARTIAL = /(\.(part|partial|tmp|crdownload|filepart)$)|(^~\$)|(^\.)/i;

export function isPartialName(name: string): boolean {
  return PARTIAL.test(name);
}

/** Waits until the file's size and modification time stay the same for `stableMs`; false if it vanished. */
export async function waitUntilStable(path: string, stableMs: number, maxWaitMs = 120_000): Promise<boolean> {
  const started = Date.now();
  let previous: { size: number; mtimeMs: number } | null = null;
  while (Date.now() - started < maxWaitMs) {
    let current;
    try {
      current = await lstat(path);
    } catch {
      return false;
    }
    if (previous && previous.size === current.size && previous.mtimeMs === current.mtimeMs) return true;
    previous = { size: current.size, mtimeMs: current.mtimeMs };
    await new Promise((resolve) => setTimeout(resolve, stableMs));
  }
  return true;
}

export class FolderWatcher {
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private state: FolderState | null = null;
  private closed = false;
  private readonly pending = new Set<string>();

  constructor(private readonly options: WatcherOptions) {}

  async start(): Promise<void> {
    await this.check();
    this.timer = setInterval(() => void this.check(), this.options.checkEveryMs ?? 2_000);
    this.timer.unref?.();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.stopWatching();
  }

  currentState(): FolderState | null {
    return this.state;
  }

  private setState(state: FolderState): void {
    if (this.state === state) return;
    this.state = state;
    this.options.onState(state);
  }

  private async check(): Promise<void> {
    if (this.closed) return;
    let present = false;
    try {
      present = (await stat(this.options.folder)).isDirectory();
    } catch {
      present = false;
    }
    if (this.closed) return;
    if (!present) {
      await this.stopWatching();
      this.setState('missing');
      return;
    }
    if (!this.watcher) this.startWatching();
  }

  private startWatching(): void {
    const stableMs = this.options.stableMs ?? 500;
    const watcher = watch(this.options.folder, {
      depth: 0,
      ignoreInitial: false,
      followSymlinks: false,
      usePolling: this.options.usePolling,
      interval: 1_000,
      binaryInterval: 1_000,
      awaitWriteFinish: { stabilityThreshold: stableMs * 2, pollInterval: Math.max(100, stableMs / 2) },
      ignored: (path: string) => path !== this.options.folder && isPartialName(basename(path)),
    });
    const report = (path: string) => void this.report(path);
    watcher.on('add', report);
    watcher.on('change', report);
    watcher.on('unlink', (path: string) => this.options.onGone?.(path));
    watcher.on('error', () => {
      void this.stopWatching().then(() => this.setState('error'));
    });
    watcher.on('ready', () => {
      if (this.watcher === watcher) this.setState('watching');
    });
    this.watcher = watcher;
  }

  private async report(path: string): Promise<void> {
    if (this.pending.has(path)) return;
    this.pending.add(path);
    try {
      if (await waitUntilStable(path, this.options.stableMs ?? 500)) {
        if (!this.closed) this.options.onFile(path);
      }
    } finally {
      this.pending.delete(path);
    }
  }

  private async stopWatching(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = null;
    await watcher?.close().catch(() => undefined);
  }
}
