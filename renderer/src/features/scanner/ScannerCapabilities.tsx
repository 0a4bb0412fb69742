import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ScannerDescription } from '../../../../preload/api';
import { MODE_LABELS, SOURCE_LABELS } from './labels';

/** What a scanner can do, one row per source (vitre, chargeur, recto-verso). */
export function ScannerCapabilities({ scanner }: { scanner: ScannerDescription }) {
  return (
    <>
      <Typography>
        <strong>{scanner.name}</strong> — {scanner.address}
        {scanner.tls ? ' (connexion chiffrée)' : ''}
      </Typography>
      <Table size="small" aria-label="Capacités du scanner" data-testid="scanner-capabilities">
        <TableHead>
          <TableRow>
            <TableCell scope="col">Source</TableCell>
            <TableCell scope="col">Couleurs</TableCell>
            <TableCell scope="col">Résolutions (ppp)</TableCell>
            <TableCell scope="col">Formats</TableCell>
            <TableCell scope="col">Taille maximale</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {scanner.sources.map((source) => (
            <TableRow key={source.id}>
              <TableCell scope="row">{SOURCE_LABELS[source.id]}</TableCell>
              <TableCell>{source.colorModes.map((mode) => MODE_LABELS[mode]).join(', ')}</TableCell>
              <TableCell>{source.resolutions.join(', ')}</TableCell>
              <TableCell>{source.formats.join(', ')}</TableCell>
              <TableCell>
                {source.maxWidthMm} × {source.maxHeightMm} mm
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
