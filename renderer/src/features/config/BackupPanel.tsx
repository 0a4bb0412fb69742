import { Button, Checkbox, FormControlLabel, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { PinField } from '../access/PinField';
import type { ImportPreview } from '../../../../preload/api';
import { applyConfigPreview, exportConfigFile, previewConfigFile } from './config-file-transfer';
import { ImportConfigButton } from './ImportConfigButton';
import { ImportPreviewDialog } from './ImportPreviewDialog';
import { useReferentCall } from './referent-call';
import { useSaver } from './useSaver';
import { ResultMessage } from '../../app/ResultMessage';

/** Sauvegarde: the configuration as one JSON file, to copy the setup to other counters. */
export function BackupPanel({ onImported }: { onImported(): void }) {
  const referentCall = useReferentCall();
  const [includePins, setIncludePins] = useState(false);
  const [pin, setPin] = useState('');
  const exporter = useSaver();
  const importer = useSaver();

  const [preview, setPreview] = useState<ImportPreview | null>(null);

  // First what would change (main reads the file, writes nothing), then the référent confirms or cancels.
  const doImport = (file?: File) =>
    void importer.run(async () => {
      const read = await previewConfigFile(referentCall, file);
      if (!read.picked) return 'Import annulé.';
      setPreview(read);
      return 'Vérifiez les changements, puis confirmez ou annulez.';
    });
  const confirmImport = (token: string) =>
    void importer
      .run(() => applyConfigPreview(referentCall, token))
      .then((done) => {
        setPreview(null);
        if (done) onImported();
      });
  const cancelImport = () => {
    setPreview(null);
    void importer.run(async () => "Import annulé : rien n'a été modifié.");
  };

  return (
    <Stack spacing={4} sx={{ maxWidth: 720 }}>
      <Stack spacing={2}>
        <Typography variant="h2">Exporter la configuration</Typography>
        <Typography variant="body2">
          Un seul fichier, pour installer la même configuration sur d'autres postes. Il ne contient aucune donnée
          d'usager.
        </Typography>
        <FormControlLabel
          control={<Checkbox checked={includePins} onChange={(e) => setIncludePins(e.target.checked)} />}
          label="Inclure les médiateurs et les empreintes des codes (le code du référent et ceux des médiateurs)"
        />
        {includePins && (
          <PinField
            label="Code du référent, pour exporter avec les codes"
            helperText="Les codes quittent le poste dans ce fichier : le code du référent est demandé de nouveau."
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          />
        )}
        <Button
          variant="contained"
          disabled={exporter.busy}
          onClick={() =>
            void exporter.run(async () => {
              if (includePins && !pin) throw new Error('Tapez le code du référent pour exporter avec les codes.');
              try {
                return await exportConfigFile(referentCall, includePins, pin);
              } finally {
                setPin('');
              }
            })
          }
          sx={{ alignSelf: 'flex-start' }}
        >
          Exporter la configuration
        </Button>
        <ResultMessage message={exporter.message} />
      </Stack>
      <Stack spacing={2}>
        <Typography variant="h2">Importer une configuration</Typography>
        <Typography variant="body2">
          Le fichier remplace les réglages qu'il contient. S'il contient les codes, le code du référent devient celui du
          poste d'origine. Avant tout changement, le poste montre ce qui va changer et demande de confirmer. Un fichier
          non valide ou dangereux pour le poste est refusé et rien n'est modifié.
        </Typography>
        <ImportConfigButton busy={importer.busy} onFile={doImport} />
        <ResultMessage message={importer.message} testId="import-result" />
        {preview?.token && (
          <ImportPreviewDialog
            preview={preview}
            busy={importer.busy}
            onCancel={cancelImport}
            onConfirm={() => confirmImport(preview.token!)}
          />
        )}
      </Stack>
    </Stack>
  );
}
