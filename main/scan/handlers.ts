import type { Handlers } from '../dispatch';
import { CounterFault } from '../errors';
import type { Services } from '../services';
import { testFolder } from './folder-test';

type ScanChannel = Extract<keyof Handlers, `scan.${string}`>;

const BAD_FILE = new CounterFault(
  'scan_bad_bytes',
  "Le fichier n'est pas arrivé en entier dans l'application. Réessayez de le choisir ou de le déposer.",
);

function dataUrl(mime: string, bytes: Buffer): string {
  return `data:${mime};base64,${bytes.toString('base64')}`;
}

export function scanHandlers(services: Services): Pick<Handlers, ScanChannel> {
  const scan = services.scan;
  const session = () => services.sessions.require();
  return {
    'scan.list': () => scan.list(services.sessions.current()),
    'scan.importBytes': ({ name, data, source, demarcheId, pieceId }) => {
      const running = session();
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(data)) throw BAD_FILE;
      return scan.importBytes(running, name, Buffer.from(data, 'base64'), source, { demarcheId, pieceId });
    },
    'scan.pick': ({ demarcheId, pieceId }) => scan.pick(session(), { demarcheId, pieceId }),
    'scan.update': ({ id, ...changes }) => scan.update(session(), id, changes),
    'scan.move': ({ id, direction }) => {
      scan.move(session(), id, direction);
      return { ok: true as const };
    },
    'scan.merge': ({ ids }) => scan.merge(session(), ids),
    'scan.remove': async ({ id }) => {
      await scan.remove(session(), id);
      return { ok: true as const };
    },
    'scan.thumbnail': async ({ id }) => ({ dataUrl: dataUrl('image/jpeg', await scan.thumbnail(session(), id)) }),
    'scan.preview': async ({ id, page }) => {
      const preview = await scan.preview(session(), id, page);
      return { dataUrl: dataUrl('image/jpeg', preview.bytes), pages: preview.pages };
    },
    'scan.dismiss': ({ id }) => {
      scan.dismiss(session(), id);
      return { ok: true as const };
    },
    'scan.waitingImport': ({ id, demarcheId, pieceId }) => scan.importWaiting(session(), id, { demarcheId, pieceId }),
    'scan.waitingDelete': async ({ id }) => {
      session();
      await scan.deleteWaiting(id);
      return { ok: true as const };
    },
    'scan.testFolder': ({ folder }) => testFolder(folder),
  };
}
