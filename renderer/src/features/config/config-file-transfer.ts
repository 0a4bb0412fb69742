/**
 * The one place in the renderer where the desktop app and the browser differ for the configuration file: in the
 * desktop app main/ shows save/open dialogs; in a browser (web host) the renderer downloads and uploads the text.
 */
import { CONFIG_FILE_MAX_BYTES } from '../../../../preload/api';
import { api, type Result } from '../../api';
import { downloadFile } from '../../app/download';

type Unwrap = <T>(promise: Promise<Result<T>>) => Promise<T>;

/** With the codes, main asks the référent PIN again (`referentPin`). */
export async function exportConfigFile(unwrap: Unwrap, includePins: boolean, referentPin?: string): Promise<string> {
  const result = await unwrap(api().config.export(includePins ? { includePins, referentPin } : { includePins }));
  if (result.text !== undefined) {
    downloadFile(result.text, result.fileName, 'application/json');
    return `Le fichier ${result.fileName} est téléchargé.`;
  }
  return result.saved ? `Le fichier ${result.fileName} est enregistré.` : 'Export annulé.';
}

/** `file` comes from the browser's file input; in the desktop app it is absent and main/ opens a dialog. */
export async function importConfigFile(unwrap: Unwrap, file?: File): Promise<string> {
  let text: string | undefined;
  if (file) {
    if (file.size > CONFIG_FILE_MAX_BYTES) {
      throw new Error(
        "Ce fichier est trop gros pour être un fichier de configuration (plus de 1 Mo). Vérifiez que vous avez choisi le fichier exporté par l'espace référent d'un autre poste.",
      );
    }
    text = await file.text();
  }
  const result = await unwrap(api().config.import({ text }));
  if (!result.imported) return 'Import annulé.';
  const parts = [`${result.sections.length} partie(s) de la configuration`];
  if (result.mediators) parts.push(`${result.mediators} médiateur(s)`);
  return `Configuration importée : ${parts.join(', ')}.`;
}
