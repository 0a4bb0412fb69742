import {
  Alert,
  Box,
  Button,
  Chip,
  FormControl,
  FormControlLabel,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { StationConfig } from '../../../../preload/api';
import { api } from '../../api';
import { useAction, useQuery } from '../../app/data';
import { useConfig } from '../config/ConfigContext';
import { choiceOf } from '../config/labels';
import { SaveBar } from '../config/SaveBar';
import { useReferentReply } from '../config/referent-call';
import { useSaver } from '../config/useSaver';
import type { AddressKind } from './printer-address';
import { printerForm, printerPatch, type PrinterForm } from './printer-form';
import { ResultMessage } from '../../app/ResultMessage';
import { measuredAgo } from './measured-ago';

type PrinterSettings = StationConfig['printer'];
const TYPES: Array<PrinterSettings['type']> = ['epson', 'star'];
const KINDS: AddressKind[] = ['network', 'device', 'system'];
const values = <T,>(options: Array<{ value: T }>) => options.map((option) => option.value);

const WIDTHS: Array<{ value: PrinterSettings['width']; label: string }> = [
  { value: 32, label: '58 mm – 32 colonnes' },
  { value: 42, label: '80 mm – 42 colonnes' },
  { value: 48, label: '80 mm – 48 colonnes' },
];
const CHARACTER_SETS: Array<{ value: PrinterSettings['characterSet']; label: string }> = [
  { value: 'WPC1252', label: 'Windows-1252 (conseillé : é, è, à, ç, œ, €)' },
  { value: 'PC858_EURO', label: 'PC858 (€, sans œ)' },
  { value: 'PC850_MULTILINGUAL', label: 'PC850 (sans € ni œ)' },
  { value: 'ISO8859_15_LATIN9', label: 'ISO 8859-15' },
  { value: 'PC863_CANADIAN_FRENCH', label: 'PC863 français canadien' },
  { value: 'PC437_USA', label: 'PC437 (peu d’accents)' },
];
/** Star printers have no PC850 and no ISO 8859-15 table: main/print/code-page.ts prints them with these. */
const STAR_NOTES: Partial<Record<PrinterSettings['characterSet'], string>> = {
  PC850_MULTILINGUAL:
    'Les imprimantes Star n’ont pas la table PC850 : le reçu est imprimé avec la table Star PC858 (les mêmes lettres, avec €).',
  ISO8859_15_LATIN9:
    'Les imprimantes Star n’ont pas la table ISO 8859-15 : le reçu est imprimé avec la table Star Windows-1252 (les mêmes lettres).',
};
const QR_MODES: Array<{ value: PrinterSettings['qrMode']; label: string }> = [
  { value: 'native', label: "Par l'imprimante (conseillé)" },
  { value: 'image', label: "En image (si l'imprimante n'affiche pas les QR codes)" },
  { value: 'none', label: 'Pas de QR code' },
];
const ADDRESS_HELP: Record<AddressKind, { label: string; help: string }> = {
  network: { label: 'Adresse réseau', help: 'Par exemple 192.168.1.50 ou 192.168.1.50:9100.' },
  device: { label: 'Périphérique', help: 'Par exemple /dev/usb/lp0 (Linux) ou COM3 (Windows).' },
  system: { label: "Nom de l'imprimante système", help: 'Le nom affiché dans les imprimantes du poste.' },
};

/** Référent area, "Imprimante": the receipt printer's settings, its live state and a test page. */
export function PrinterPanel() {
  const { config, save } = useConfig();
  const stored = config.printer;
  const [form, setForm] = useState(() => printerForm(stored));
  const change = <K extends keyof PrinterForm>(field: K, value: PrinterForm[K]) =>
    setForm((previous) => ({ ...previous, [field]: value }));
  const { enabled, type, kind, address, width, characterSet, qrMode, askStatus } = form;
  const saver = useSaver();
  const referentReply = useReferentReply();

  // The live state is measured again every 5 s (paper out, cover open: main sends no event for a device). A failed
  // measure shows nothing rather than an old state.
  const measured = useQuery('printer-check', () => api().print.check(), { refreshEvery: 5000 });
  const status = measured.error ? null : (measured.data ?? null);
  const { reload } = measured;

  const testPage = useAction(() => referentReply(api().print.testPage()), {
    success: 'Page de test envoyée. Vérifiez les accents, la largeur et le QR code.',
  });
  // A printer that takes connections but never answers status requests: propose to stop asking.
  const noStatus = testPage.error?.code === 'printer_no_status' && stored.askStatus;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saver.run(async () => {
      await save({ printer: printerPatch(form) });
      await reload();
    });
  };

  const turnStatusOff = () => {
    change('askStatus', false);
    void saver.run(async () => {
      await save({ printer: { askStatus: false } });
      await reload();
    });
  };

  const help = ADDRESS_HELP[kind];
  return (
    <Box component="form" noValidate onSubmit={submit}>
      <Stack spacing={2} sx={{ maxWidth: 640 }}>
        <Typography variant="h2">Imprimante de reçus</Typography>
        <Box aria-live="polite" data-testid="printer-live-state">
          {!status ? null : !status.enabled ? (
            <Chip label="Aucune imprimante de reçus activée" />
          ) : status.connected === null ? null : status.connected ? (
            <Chip color="success" label={`Imprimante prête (${measuredAgo(status.ageSeconds)})`} />
          ) : (
            <Alert severity="warning">
              {status.problem?.message ?? "L'imprimante ne répond pas."} ({measuredAgo(status.ageSeconds)})
            </Alert>
          )}
        </Box>
        <FormControlLabel
          control={<Switch checked={enabled} onChange={(e) => change('enabled', e.target.checked)} />}
          label="Imprimer les reçus sur une imprimante de tickets"
        />
        <TextField
          select
          label="Type d'imprimante"
          value={type}
          onChange={(e) => change('type', choiceOf(TYPES, e.target.value, type))}
        >
          <MenuItem value="epson">Epson ou compatible (ESC/POS)</MenuItem>
          <MenuItem value="star">Star</MenuItem>
        </TextField>
        <FormControl>
          <FormLabel id="printer-kind">Branchement</FormLabel>
          <RadioGroup
            aria-labelledby="printer-kind"
            row
            value={kind}
            onChange={(e) => change('kind', choiceOf(KINDS, e.target.value, kind))}
          >
            <FormControlLabel value="network" control={<Radio />} label="Réseau" />
            <FormControlLabel value="device" control={<Radio />} label="USB ou port série" />
            <FormControlLabel value="system" control={<Radio />} label="Imprimante système" />
          </RadioGroup>
        </FormControl>
        <TextField
          label={help.label}
          helperText={help.help}
          value={address}
          onChange={(e) => change('address', e.target.value)}
        />
        <TextField
          select
          label="Largeur du papier"
          value={width}
          onChange={(e) => change('width', choiceOf(values(WIDTHS), e.target.value, width))}
        >
          {WIDTHS.map((option) => (
            <MenuItem key={option.value} value={option.value}>
              {option.label}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label="Table de caractères"
          value={characterSet}
          onChange={(e) => change('characterSet', choiceOf(values(CHARACTER_SETS), e.target.value, characterSet))}
          helperText={
            (type === 'star' && STAR_NOTES[characterSet]) ||
            'Si les accents sortent mal, essayez une autre table puis imprimez une page de test.'
          }
        >
          {CHARACTER_SETS.map((option) => (
            <MenuItem key={option.value} value={option.value}>
              {option.label}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label="QR code"
          value={qrMode}
          onChange={(e) => change('qrMode', choiceOf(values(QR_MODES), e.target.value, qrMode))}
        >
          {QR_MODES.map((option) => (
            <MenuItem key={option.value} value={option.value}>
              {option.label}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel
          control={<Switch checked={askStatus} onChange={(e) => change('askStatus', e.target.checked)} />}
          label="Demander son état à l'imprimante réseau (papier, capot)"
        />
        <SaveBar busy={saver.busy} message={saver.message} />
        <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
          <Button variant="outlined" disabled={testPage.busy} onClick={() => void testPage.run()}>
            Imprimer une page de test
          </Button>
          <ResultMessage message={testPage.message} />
          {noStatus && (
            <Button variant="contained" onClick={turnStatusOff}>
              Ne plus demander son état à l'imprimante
            </Button>
          )}
        </Stack>
      </Stack>
    </Box>
  );
}
