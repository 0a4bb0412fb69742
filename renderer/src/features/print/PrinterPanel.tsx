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
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { PrinterStatus, StationConfig } from '../../../../preload/api';
import { api, call, CallError } from '../../api';
import { useConfig } from '../config/ConfigContext';
import { choiceOf } from '../config/labels';
import { SaveBar } from '../config/SaveBar';
import { useSaver } from '../config/useSaver';
import { joinInterface, splitInterface, type AddressKind } from './printer-address';
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
  { value: 'ISO8859_15_LATIN9', label: 'ISO 8859-15 (Epson seulement)' },
  { value: 'PC863_CANADIAN_FRENCH', label: 'PC863 français canadien' },
  { value: 'PC437_USA', label: 'PC437 (peu d’accents)' },
];
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
  const initial = splitInterface(stored.interface);
  const [enabled, setEnabled] = useState(stored.enabled);
  const [type, setType] = useState(stored.type);
  const [kind, setKind] = useState<AddressKind>(initial.kind);
  const [address, setAddress] = useState(initial.address);
  const [width, setWidth] = useState(stored.width);
  const [characterSet, setCharacterSet] = useState(stored.characterSet);
  const [qrMode, setQrMode] = useState(stored.qrMode);
  const [askStatus, setAskStatus] = useState(stored.askStatus);
  const saver = useSaver();
  const [status, setStatus] = useState<PrinterStatus | null>(null);
  const [test, setTest] = useState<{ ok: boolean; text: string } | null>(null);
  const [noStatus, setNoStatus] = useState(false);
  const [testing, setTesting] = useState(false);

  const refresh = useCallback(
    () =>
      api()
        .print.check()
        .then((result) => setStatus(result.ok ? result.value : null)),
    [],
  );

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), 5000);
    return () => clearInterval(timer);
  }, [refresh]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saver.run(async () => {
      await save({
        printer: { enabled, type, interface: joinInterface(kind, address), width, characterSet, qrMode, askStatus },
      });
      await refresh();
    });
  };

  const printTest = async () => {
    setTesting(true);
    setTest(null);
    setNoStatus(false);
    try {
      await call(api().print.testPage());
      setTest({ ok: true, text: 'Page de test envoyée. Vérifiez les accents, la largeur et le QR code.' });
    } catch (caught) {
      setTest({ ok: false, text: caught instanceof CallError ? caught.message : "La page de test n'est pas sortie." });
      // A printer that takes connections but never answers status requests: propose to stop asking.
      setNoStatus(caught instanceof CallError && caught.error.code === 'printer_no_status');
    } finally {
      setTesting(false);
    }
  };

  const turnStatusOff = () => {
    setAskStatus(false);
    void saver.run(async () => {
      await save({ printer: { ...stored, askStatus: false } });
      setNoStatus(false);
      await refresh();
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
          control={<Switch checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />}
          label="Imprimer les reçus sur une imprimante de tickets"
        />
        <TextField
          select
          label="Type d'imprimante"
          value={type}
          onChange={(e) => setType(choiceOf(TYPES, e.target.value, type))}
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
            onChange={(e) => setKind(choiceOf(KINDS, e.target.value, kind))}
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
          onChange={(e) => setAddress(e.target.value)}
        />
        <TextField
          select
          label="Largeur du papier"
          value={width}
          onChange={(e) => setWidth(choiceOf(values(WIDTHS), e.target.value, width))}
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
          onChange={(e) => setCharacterSet(choiceOf(values(CHARACTER_SETS), e.target.value, characterSet))}
          helperText="Si les accents sortent mal, essayez une autre table puis imprimez une page de test."
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
          onChange={(e) => setQrMode(choiceOf(values(QR_MODES), e.target.value, qrMode))}
        >
          {QR_MODES.map((option) => (
            <MenuItem key={option.value} value={option.value}>
              {option.label}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel
          control={<Switch checked={askStatus} onChange={(e) => setAskStatus(e.target.checked)} />}
          label="Demander son état à l'imprimante réseau (papier, capot)"
        />
        <SaveBar busy={saver.busy} message={saver.message} />
        <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
          <Button variant="outlined" disabled={testing} onClick={() => void printTest()}>
            Imprimer une page de test
          </Button>
          <ResultMessage message={test} />
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
