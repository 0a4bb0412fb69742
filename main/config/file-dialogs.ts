/**
 * How a configuration file reaches the disk. In the desktop app, save/open dialogs (main/config/electron-file-dialogs.ts,
 * given through Platform.configFiles); behind the web host there are none and the renderer downloads/uploads the
 * text itself. main/config/handlers.ts is the one place that chooses.
 */
export interface ConfigFileDialogs {
  /** Asks where to save and writes the text; false when the référent cancelled. */
  save(suggestedName: string, text: string): Promise<boolean>;
  /** Asks for a file; null when cancelled. `read` is only called when `bytes` is within the limit. */
  open(): Promise<{ bytes: number; read(): Promise<string> } | null>;
}
