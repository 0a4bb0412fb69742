import type { ActiveSession } from '../session/session';

/**
 * Upload-ready pièces of the session, as the scan capability offers them (main/scan: list + uploadReady). Kept to
 * this small shape so the site panel does not depend on how imports are made.
 */
export interface UploadSource {
  ready(session: ActiveSession): Array<{ id: string; label: string }>;
  read(session: ActiveSession, id: string): Promise<{ name: string; bytes: Buffer }>;
}

interface ScanLike {
  list(session: ActiveSession | null): {
    imports: Array<{ id: string; label: string; status: string; uploadName: string }>;
  };
  uploadReady(session: ActiveSession, id: string): Promise<{ name: string; bytes: Buffer }>;
}

/** Adapts the scan service (when the station has one) to an UploadSource. */
export function scanUploadSource(getScan: () => unknown): UploadSource {
  const scan = () => getScan() as ScanLike | undefined;
  return {
    ready(session) {
      const imports = scan()?.list(session).imports ?? [];
      return imports.filter((item) => item.status === 'ready').map((item) => ({ id: item.id, label: item.label }));
    },
    async read(session, id) {
      const found = scan();
      if (!found) throw new Error('no scan service');
      return found.uploadReady(session, id);
    },
  };
}

/** A file name safe to write in the upload folder: no path separator, no control character, not empty. */
export function safeUploadName(name: string, index: number): string {
  const cleaned = name
    .replace(/[\p{Cc}/\\:*?"<>|]+/gu, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 120);
  return `${index + 1}-${cleaned || 'piece'}`;
}
