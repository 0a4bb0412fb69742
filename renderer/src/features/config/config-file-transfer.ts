/**
 * The one place in the renderer where the desktop app and the browser differ for the configuration file: in the
 * desktop app main/ shows save/open dialogs; in a browser (web host) the renderer downloads and uploads the text.
 */
import { CONFIG_FILE_MAX_BYTES, type ImportPreview } from '../../../../preload/api';
import { api, type Result } from '../../api';
import { downloadFile } from '../../app/download';

type Unwrap = <T>(promise: Promise<Result<T>>) => Promise<T>;

/** What the exported file holds, said after each export so the référent knows how to keep it. */
function contents(includePins: boolean): string {
  return includePins
    ? "Il contient les pseudonymes des médiateurs et l'empreinte de chaque code (pas les codes eux-mêmes). Avec ce fichier, on peut essayer de retrouver les codes : gardez-le sur une clé rangée sous clé, et effacez-le après usage."
    : 'Il ne contient ni médiateur ni code.';
}

/** With the codes, main asks the référent PIN again (`referentPin`). */
export async function exportConfigFile(unwrap: Unwrap, includePins: boolean, referentPin?: string): Promise<string> {
  const result = await unwrap(api().config.export(includePins ? { includePins, referentPin } : { includePins }));
  if (result.text !== undefined) {
    downloadFile(result.text, result.fileName, 'application/json');
    return `Le fichier ${result.fileName} est téléchargé. ${contents(includePins)}`;
  }
  if (!result.saved) return 'Export annulé.';
  return `Le fichier ${result.fileName} est enregistré. ${contents(includePins)}`;
}

async function fileText(file?: File): Promise<string | undefined> {
  if (!file) return undefined;
  if (file.size > CONFIG_FILE_MAX_BYTES) {
    throw new Error(
      "Ce fichier est trop gros pour être un fichier de configuration (plus de 1 Mo). Vérifiez que vous avez choisi le fichier exporté par l'espace référent d'un autre poste.",
    );
  }
  return file.text();
}

function importedText(result: { imported: boolean; sections: string[]; mediators: number }): string {
  if (!result.imported) return 'Import annulé.';
  const parts = [`${result.sections.length} partie(s) de la configuration`];
  if (result.mediators) parts.push(`${result.mediators} médiateur(s)`);
  return `Configuration importée : ${parts.join(', ')}.`;
}

/** First start: `file` comes from the browser's file input; in the desktop app it is absent and main/ opens a dialog. */
export async function importConfigFile(unwrap: Unwrap, file?: File): Promise<string> {
  return importedText(await unwrap(api().config.import({ text: await fileText(file) })));
}

/** On an installed station: main reads the file and says what would change; nothing is written yet. */
export async function previewConfigFile(unwrap: Unwrap, file?: File): Promise<ImportPreview> {
  return unwrap(api().config.previewImport({ text: await fileText(file) }));
}

/** After the référent confirmed the preview: main applies the file it read (checked again). */
export async function applyConfigPreview(unwrap: Unwrap, token: string): Promise<string> {
  return importedText(await unwrap(api().config.applyImport({ token })));
}
