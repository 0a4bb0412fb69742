import { watch, type FSWatcher } from 'chokidar';
import type { Stats } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';

/**
 * Watches the scanner's scan-to-folder target (top level only). A file is reported once its size and date have
 * not changed for a quiet window; whether its content is finished is the importer's check (complete-file.ts). A
 * file that changes again later is reported again. Use polling on network shares.
 *
 * The folder itself is checked every few seconds, and at once when the watcher sees it go: when it disappears
 * (share lost, USB key pulled) the state is 'missing'; when another folder now stands under the same path (deleted
 * and created again), watching starts again on the new one. 'watching' is reported only while the watcher is
 * ready on the folder that is really there.
 */
export type FolderState = 'watching' | 'missing' | 'error';

export interface WatcherOptions {
  folder: string;
  usePolling: boolean;
  /** Called with the path of each file that has been quiet long enough (links and pipes included, to refuse). */
  onFile(path: string): void;
  onState(state: FolderState): void;
  /** Called when a file leaves the folder. */
  onGone?(path: string): void;
  /** Called as soon as a file appears or changes, before its quiet window (the session writes it down). */
  onSeen?(path: string): void;
  /** Milliseconds a file's size and date must stay the same before it is reported. */
  quietMs?: number;
  /** How often the folder's presence and identity are checked. */
  checkEveryMs?: number;
}

/** Temporary names scanners and copy tools use while writing. */
const PARTIAL = /(\.(part|partial|tmp|crdownload|filepart)$)|(^~\$)|(^\.)/i;
/** A file still changing after this long is reported anyway: its content check decides. */
const LONGEST_WAIT_MS = 10 * 60_000;

export function isPartialName(name: string): boolean {
  return PARTIAL.test(name);
}

interface Look {
  size: number;
  mtimeMs: number;
  ino: number;
}

/**
 * Waits until the file's size, date and identity have stayed the same for `quietMs`; false if it vanished or the
 * wait was called off.
 */
export async function waitUntilQuiet(path: string, quietMs: number, cancelled: () => boolean = () => false) {
  const look = async (): Promise<Look | null> => {
    const info = await lstat(path).catch(() => null);
    return info && { size: info.size, mtimeMs: info.mtimeMs, ino: info.ino };
  };
  const step = Math.min(500, Math.max(50, quietMs / 4));
  const started = Date.now();
  let last = await look();
  let since = Date.now();
  while (last) {
    if (Date.now() - since >= quietMs || Date.now() - started > LONGEST_WAIT_MS) return true;
    await new Promise((done) => setTimeout(done, step));
    if (cancelled()) return false;
    const now = await look();
    if (!now) return false;
    if (now.size !== last.size || now.mtimeMs !== last.mtimeMs || now.ino !== last.ino) {
      last = now;
      since = Date.now();
    }
  }
  return false;
}

/**
 * Device, inode and creation time: a folder deleted and created again often gets the same inode number back at
 * once (ext4), but not the same creation time. Systems that do not record it give 0 and fall back on the inode.
 */
interface FolderIdentity {
  dev: number;
  ino: number;
  born: number;
}

function identityOf(info: Stats): FolderIdentity {
  return { dev: info.dev, ino: info.ino, born: info.birthtimeMs };
}

function sameFolder(a: FolderIdentity, b: FolderIdentity): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.born === b.born;
}

export class FolderWatcher {
  private watcher: FSWatcher | null = null;
  /** The folder being watched: another folder under the same path means start again. */
  private identity: FolderIdentity | null = null;
  /** Names the folder holds that the watcher had not reported at the last check. */
  private unseen = new Set<string>();
  private ready = false;
  private timer: NodeJS.Timeout | null = null;
  private state: FolderState | null = null;
  private closed = false;
  private checking: Promise<void> | null = null;
  private readonly pending = new Set<string>();
  private readonly root: string;

  constructor(private readonly options: WatcherOptions) {
    this.root = resolve(options.folder);
  }

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

  /** One check at a time: the timer and the watcher's own signals may ask together. */
  check(): Promise<void> {
    this.checking ??= this.checkFolder().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async checkFolder(): Promise<void> {
    if (this.closed) return;
    const info = await stat(this.root).catch(() => null);
    if (this.closed) return;
    if (!info?.isDirectory()) {
      await this.stopWatching();
      this.setState('missing');
      return;
    }
    const identity = identityOf(info);
    if (this.watcher && this.identity && (!sameFolder(this.identity, identity) || (await this.deaf()))) {
      // Deleted and created again between two checks: the old watcher follows a folder that no longer exists.
      await this.stopWatching();
      this.setState('missing');
    }
    if (!this.watcher && !this.closed) this.startWatching(identity);
  }

  /**
   * True when files have stood in the folder for two checks without the watcher reporting them: its events no
   * longer arrive (a folder replaced on a file system that reuses the inode at once, a share that stopped
   * notifying). Partial names are left out: the watcher ignores them on purpose.
   */
  private async deaf(): Promise<boolean> {
    const watcher = this.watcher;
    if (!watcher || !this.ready) return false;
    const names = await readdir(this.root).catch(() => null);
    // The watcher may have stopped meanwhile (an error, the folder changed, close): nothing to compare with.
    if (!names || this.watcher !== watcher) return false;
    const reported = new Set(watcher.getWatched()[this.root] ?? []);
    const unseen = new Set(names.filter((name) => !isPartialName(name) && !reported.has(name)));
    const deaf = [...unseen].some((name) => this.unseen.has(name));
    this.unseen = unseen;
    return deaf;
  }

  private startWatching(identity: FolderIdentity): void {
    this.identity = identity;
    this.unseen = new Set();
    this.ready = false;
    const watcher = watch(this.root, {
      depth: 0,
      ignoreInitial: false,
      followSymlinks: false,
      usePolling: this.options.usePolling,
      interval: 1_000,
      binaryInterval: 1_000,
      ignored: (path: string) => path !== this.root && isPartialName(basename(path)),
    });
    const report = (path: string) => void this.report(path);
    watcher.on('add', report);
    watcher.on('change', report);
    watcher.on('unlink', (path: string) => this.options.onGone?.(path));
    watcher.on('unlinkDir', (path: string) => {
      if (resolve(path) === this.root) void this.check();
    });
    watcher.on('error', () => {
      if (this.watcher !== watcher) return;
      // The next check starts again; the state says the truth meanwhile.
      void this.stopWatching().then(() => this.setState('error'));
    });
    watcher.on('ready', () => {
      if (this.watcher !== watcher) return;
      this.ready = true;
      this.setState('watching');
    });
    this.watcher = watcher;
  }

  private async report(path: string): Promise<void> {
    if (this.pending.has(path)) return;
    this.pending.add(path);
    this.options.onSeen?.(path);
    try {
      const quiet = await waitUntilQuiet(path, this.options.quietMs ?? 2_000, () => this.closed);
      if (quiet && !this.closed) this.options.onFile(path);
    } finally {
      this.pending.delete(path);
    }
  }

  private async stopWatching(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = null;
    this.identity = null;
    this.ready = false;
    await watcher?.close().catch(() => undefined);
  }
}
