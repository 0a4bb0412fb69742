import { useCallback, useEffect, useRef, useState } from 'react';
import type { SiteDownload, SiteState } from '../../../../preload/api';
import { api, call } from '../../api';
import { useQuery } from '../../app/data';
import { base64ToBytes } from '../../app/download';

export interface FileChooserRequest {
  multiple: boolean;
  files: Array<{ id: string; label: string }>;
}

export interface OfficialSite {
  state: SiteState | null;
  message: { severity: 'error' | 'info'; text: string } | null;
  downloads: SiteDownload[];
  chooser: FileChooserRequest | null;
  /** Callback ref of the placeholder the embedded view is laid over (desktop). */
  setPlaceholder(element: HTMLDivElement | null): void;
  open(url: string): Promise<void>;
  command(command: 'back' | 'forward' | 'reload' | 'zoom-in' | 'zoom-out' | 'zoom-reset'): Promise<void>;
  close(): Promise<void>;
  choose(ids: string[]): Promise<void>;
  /** Prints a file the site gave (desktop), or opens it for the browser to print. */
  printDownload(id: string): Promise<void>;
  cancelChooser(): void;
}

function boundsOf(element: HTMLElement) {
  const rect = element.getBoundingClientRect();
  const round = (n: number) => Math.max(0, Math.round(n));
  return { x: round(rect.left), y: round(rect.top), width: round(rect.width), height: round(rect.height) };
}

/**
 * The official site beside the guide. The reply's `mode` decides: 'embedded' (desktop) lays the site's view over
 * the placeholder; 'new-tab' (web host) opens the page in a new browser tab. The URL is always checked by main first.
 */
export function useOfficialSite(): OfficialSite {
  const site = useQuery('site.state', () => api().site.state());
  const state = site.data ?? null;
  const setState = site.setData;
  // A download announced while the list is read is not lost: the list is read again (setData during a read).
  const listed = useQuery('site.downloads', () => api().site.downloads());
  const downloads = listed.data ?? [];
  const setDownloads = listed.setData;
  const [message, setMessage] = useState<OfficialSite['message']>(null);
  const [chooser, setChooser] = useState<FileChooserRequest | null>(null);
  const [placeholder, setPlaceholderState] = useState<HTMLDivElement | null>(null);
  // The latest placeholder, read when a page opens (outside render).
  const placeholderNow = useRef<HTMLDivElement | null>(null);
  const setPlaceholder = useCallback((element: HTMLDivElement | null) => {
    placeholderNow.current = element;
    setPlaceholderState(element);
  }, []);

  useEffect(() => {
    const offs = [
      api().events.on('site.changed', setState),
      api().events.on('site.refused', ({ message: text }) => setMessage({ severity: 'error', text })),
      api().events.on('site.downloaded', (download) => setDownloads((list) => [...(list ?? []), download])),
      api().events.on('site.downloadRefused', ({ message: text }) => setMessage({ severity: 'error', text })),
      // The embedded view is a native layer above the page: it steps aside while the idle warning shows.
      api().events.on('session.idleWarning', ({ dismissed }) => {
        void api().site.command({ command: dismissed ? 'show' : 'hide' });
      }),
      api().events.on('site.fileChooser', (request) => {
        void api().site.command({ command: 'hide' });
        setChooser(request);
      }),
    ];
    return () => {
      offs.forEach((off) => off());
      // The embedded view is a native layer: it must not cover the next screen.
      void api().site.command({ command: 'hide' });
    };
  }, [setState, setDownloads]);

  // Coming back to the guide: the view that was hidden when the guide was left shows again. Here, not in the read,
  // so a reply arriving after the guide was left cannot show the view over the next screen.
  const arrived = useRef(false);
  useEffect(() => {
    if (!state || arrived.current) return;
    arrived.current = true;
    if (state.open) void api().site.command({ command: 'show' });
  }, [state]);

  // Keep the embedded view exactly over the placeholder.
  const embedded = state?.mode === 'embedded' && state.open;
  useEffect(() => {
    const element = placeholder;
    if (!embedded || !element) return;
    const send = () => void api().site.setBounds(boundsOf(element));
    send();
    const observer = new ResizeObserver(send);
    observer.observe(element);
    window.addEventListener('resize', send);
    window.addEventListener('scroll', send, true);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', send);
      window.removeEventListener('scroll', send, true);
    };
  }, [embedded, placeholder]);

  const open = useCallback(
    async (url: string) => {
      setMessage(null);
      // The tab opens only after main accepted the URL; the click's user activation is still valid then.
      const current = placeholderNow.current;
      try {
        const next = await call(api().site.open({ url, ...(current ? { bounds: boundsOf(current) } : {}) }));
        setState(next);
        if (next.mode === 'new-tab') {
          window.open(url, '_blank', 'noopener,noreferrer');
          setMessage({ severity: 'info', text: "Le site officiel s'est ouvert dans un nouvel onglet du navigateur." });
        }
      } catch (caught) {
        setMessage({
          severity: 'error',
          text: caught instanceof Error ? caught.message : "Le site officiel n'a pas pu s'ouvrir. Réessayez.",
        });
      }
    },
    [setState],
  );

  const command = useCallback(
    async (name: Parameters<OfficialSite['command']>[0]) => {
      const result = await api().site.command({ command: name });
      if (result.ok) setState(result.value);
    },
    [setState],
  );

  const close = useCallback(async () => {
    const result = await api().site.close();
    if (result.ok) setState(result.value);
  }, [setState]);

  const choose = useCallback(async (ids: string[]) => {
    setChooser(null);
    void api().site.command({ command: 'show' });
    const result = await api().site.chooseFiles({ ids });
    if (!result.ok) setMessage({ severity: 'error', text: result.error.message });
  }, []);

  const printDownload = useCallback(async (id: string) => {
    setMessage(null);
    const result = await api().site.printDownload({ id });
    if (!result.ok) return setMessage({ severity: 'error', text: result.error.message });
    const { done, base64, mime } = result.value;
    if (done === 'open' && base64) {
      const bytes = base64ToBytes(base64);
      window.open(URL.createObjectURL(new Blob([bytes], { type: mime })), '_blank', 'noopener');
    }
    if (done === 'printed') setMessage({ severity: 'info', text: 'Le document est envoyé à l’imprimante.' });
  }, []);

  const cancelChooser = useCallback(() => {
    setChooser(null);
    void api().site.command({ command: 'show' });
  }, []);

  return {
    state,
    message,
    downloads,
    chooser,
    setPlaceholder,
    open,
    command,
    close,
    choose,
    cancelChooser,
    printDownload,
  };
}
