import type { Handlers } from '../dispatch';
import type { Services } from '../services';

type SiteChannel = Extract<keyof Handlers, `site.${string}`>;

export function siteHandlers(services: Services): Pick<Handlers, SiteChannel> {
  const site = services.site;
  return {
    'site.open': ({ url, bounds }) => site.open(url, bounds),
    'site.state': () => site.state(),
    'site.setBounds': (bounds) => {
      site.setBounds(bounds);
      return { ok: true as const };
    },
    'site.command': ({ command }) => site.command(command),
    'site.close': () => site.close(),
    'site.downloads': () => site.listDownloads(),
    'site.printDownload': ({ id }) => site.printDownload(id),
    'site.chooseFiles': async ({ ids }) => {
      await site.chooseFiles(ids);
      return { ok: true as const };
    },
  };
}
