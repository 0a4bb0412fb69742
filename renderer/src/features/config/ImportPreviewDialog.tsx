import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ImportPreview } from '../../../../preload/api';

/**
 * What an import will change, read by main (config.previewImport), before anything is written: section by
 * section, field by field, then the accounts and codes, then what needs attention. « Annuler » changes nothing.
 */
export function ImportPreviewDialog({
  preview,
  busy,
  onCancel,
  onConfirm,
}: {
  preview: ImportPreview;
  busy: boolean;
  onCancel(): void;
  onConfirm(): void;
}) {
  const nothing = preview.sections.length === 0 && preview.accounts.length === 0;
  return (
    <Dialog open onClose={onCancel} aria-labelledby="import-apercu-titre" maxWidth="md" fullWidth>
      <DialogTitle id="import-apercu-titre">Vérifier avant d'importer</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 2 }}>
          {nothing
            ? 'Ce fichier ne change rien sur ce poste.'
            : "Voici ce que le fichier va changer sur ce poste. Rien n'est encore modifié."}
        </Typography>
        {preview.warnings.map((warning) => (
          <Alert key={warning} severity="warning" sx={{ mb: 2 }}>
            {warning}
          </Alert>
        ))}
        {preview.sections.map((section) => (
          <section key={section.section} aria-labelledby={`import-${section.section}`}>
            <Typography variant="h3" id={`import-${section.section}`} sx={{ fontSize: '1.1rem', mt: 2, mb: 1 }}>
              {section.label}
            </Typography>
            <Table size="small" aria-labelledby={`import-${section.section}`}>
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">
                    Réglage
                  </TableCell>
                  <TableCell component="th" scope="col">
                    Aujourd'hui
                  </TableCell>
                  <TableCell component="th" scope="col">
                    Après l'import
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {section.changes.map((change) => (
                  <TableRow key={change.field} data-testid="import-change">
                    <TableCell component="th" scope="row">
                      {change.label}
                    </TableCell>
                    <TableCell>{change.before}</TableCell>
                    <TableCell>{change.after}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </section>
        ))}
        {preview.accounts.length > 0 && (
          <section aria-labelledby="import-comptes">
            <Typography variant="h3" id="import-comptes" sx={{ fontSize: '1.1rem', mt: 2, mb: 1 }}>
              Comptes et codes
            </Typography>
            <ul>
              {preview.accounts.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={busy}>
          Annuler
        </Button>
        <Button variant="contained" onClick={onConfirm} disabled={busy || nothing}>
          Importer ces changements
        </Button>
      </DialogActions>
    </Dialog>
  );
}
