import type { SiteBounds } from '../../preload/api';
import type { DownloadOffer } from './download-policy';

/**
 * What the official-site panel needs from the platform — the one place where the desktop app and the web host
 * differ for it (Platform.site, main/platform.ts). Desktop: an embedded WebContentsView (main/site/electron-site.ts).
 * Web host: nothing is embedded, the renderer opens the URL in a new tab (main/site/new-tab-site.ts).
 */
export interface SiteHost {
  readonly mode: 'embedded' | 'new-tab';
  /** Shows the URL (creating the view in `partition` if needed). The URL is already checked against the allowlist. */
  open(request: { url: string; partition: string; bounds?: SiteBounds }, hooks: SiteHooks): Promise<void>;
  setBounds(bounds: SiteBounds): void;
  command(command: SiteCommand): void;
  view(): SiteView;
  /** Closes the view; the partition keeps its cookies until clear(). */
  close(): Promise<void>;
  /** Wipe steps 1–3: destroy the view, clear the partition, cancel and delete downloads. */
  clear(): Promise<SiteClearFigures>;
  /** Answers the site's pending file chooser with these files (paths in the session folder). */
  setFiles?(paths: string[]): Promise<boolean>;
}

export type SiteCommand = 'back' | 'forward' | 'reload' | 'zoom-in' | 'zoom-out' | 'zoom-reset' | 'hide' | 'show';

export interface SiteView {
  open: boolean;
  url: string | null;
  canGoBack: boolean;
  canGoForward: boolean;
  zoom: number;
  loading: boolean;
}

export interface SiteClearFigures {
  viewDestroyed: boolean;
  partitionCleared: boolean;
  downloadsCancelled: number;
}

/** What the platform adapter reports back to the site service. */
export interface SiteHooks {
  /** Current allowlist (starting hosts + the référent's extra hosts). */
  hosts(): string[];
  /** A navigation, redirect or window.open the guard refused. */
  refused(url: string): void;
  /** Keyboard or mouse input inside the site: counts as activity for the idle timeout. */
  activity(): void;
  /** URL, history or loading state changed. */
  changed(): void;
  /** Folder (inside the session workspace) where a download may land before it is encrypted. */
  downloadDir(): string;
  /** A download the site starts: the French refusal (type, announced size), or null to let it come. */
  checkDownload(offer: DownloadOffer): string | null;
  /** Most bytes a download may bring (checked while it arrives). */
  maxDownloadBytes(): number;
  /** A download stopped by the station: the mediator reads why. */
  downloadRefused(message: string): void;
  /** A finished download: the service checks its content and encrypts it into the workspace. */
  downloaded(file: { name: string; mime: string; bytes: Buffer }): Promise<void>;
  /** The site opened a file chooser. */
  fileChooser(multiple: boolean): void;
}

export const CLOSED_VIEW: SiteView = {
  open: false,
  url: null,
  canGoBack: false,
  canGoForward: false,
  zoom: 1,
  loading: false,
};
