import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The session's own folder (data dir/sessions/<id>/). Every file is AES-256-GCM encrypted with a key that exists
 * only in this object, in the main process's memory: after a crash or power loss what remains on disk is
 * unreadable, and start-up deletes it. Files are named by random ids; their human names live in memory only.
 */
export class Workspace {
  private key: Buffer | null = randomBytes(32);

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  /** Stores bytes encrypted and returns the new file's id. */
  async put(data: Buffer): Promise<string> {
    const id = randomUUID();
    await this.write(id, data);
    return id;
  }

  async write(id: string, data: Buffer): Promise<void> {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.requireKey(), iv);
    const body = Buffer.concat([cipher.update(data), cipher.final()]);
    const path = this.pathOf(id);
    try {
      await writeFile(path, Buffer.concat([iv, cipher.getAuthTag(), body]), { mode: 0o600 });
    } catch (error) {
      // A full disk leaves part of the file written: nothing half-written stays in the workspace.
      await rm(path, { force: true }).catch(() => undefined);
      throw error;
    }
  }

  async read(id: string): Promise<Buffer> {
    const raw = await readFile(this.pathOf(id));
    const decipher = createDecipheriv('aes-256-gcm', this.requireKey(), raw.subarray(0, IV_BYTES));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  }

  async remove(id: string): Promise<void> {
    await rm(this.pathOf(id), { force: true });
  }

  ids(): string[] {
    try {
      return readdirSync(this.dir)
        .filter((name) => name.endsWith('.bin'))
        .map((name) => name.slice(0, -4));
    } catch {
      return [];
    }
  }

  /** Drops the key: whatever is still on disk can no longer be read by anyone. */
  forgetKey(): void {
    this.key?.fill(0);
    this.key = null;
  }

  private requireKey(): Buffer {
    if (!this.key) throw new Error('workspace key already forgotten');
    return this.key;
  }

  private pathOf(id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad workspace file id');
    return join(this.dir, `${id}.bin`);
  }
}
