import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormLabel,
  MenuItem,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Navigate } from 'react-router';
import { api, call } from '../../api';
import { errorText, PinField } from '../access/PinField';
import { useTitle } from '../access/useTitle';
import { importConfigFile } from './config-file-transfer';
import { ImportConfigButton } from './ImportConfigButton';
import { CONFIG_DEFAULTS, type StationConfig } from '../../../../preload/api';
import { choiceOf, STATION_TYPES } from './labels';
import { useSaver } from './useSaver';
import { ResultMessage } from '../../app/ResultMessage';

const STATION_KINDS = STATION_TYPES.map(([value]) => value);
const PRINTER_TYPES: Array<StationConfig['printer']['type']> = ['epson', 'star'];
const PRINTER_WIDTHS: Array<StationConfig['printer']['width']> = [48, 42, 32];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" sx={{ p: 3 }}>
      <Typography variant="h2" sx={{ mb: 2 }}>
        {title}
      </Typography>
      <Stack spacing={2}>{children}</Stack>
    </Paper>
  );
}

/**
 * '/installation': the first-start assistant. Nothing of the counter works before it has set the référent PIN.
 * After it, the référent is signed in and lands in the référent area to add the mediators.
 */
export function SetupScreen() {
  useTitle('Installation du poste');
  const [setUp, setSetUp] = useState<boolean | null>(null);
  const [name, setName] = useState('');
  const [type, setType] = useState(CONFIG_DEFAULTS.station.type);
  const [commune, setCommune] = useState('');
  const [departement, setDepartement] = useState('');
  const [pin, setPin] = useState('');
  const [pinAgain, setPinAgain] = useState('');
  const [printerEnabled, setPrinterEnabled] = useState(false);
  const [printerType, setPrinterType] = useState(CONFIG_DEFAULTS.printer.type);
  const [printerInterface, setPrinterInterface] = useState('tcp://192.168.1.100:9100');
  const [printerWidth, setPrinterWidth] = useState(CONFIG_DEFAULTS.printer.width);
  const [scanFolder, setScanFolder] = useState('');
  const [idleMinutes, setIdleMinutes] = useState(String(CONFIG_DEFAULTS.session.idleMinutes));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api()
      .access.status()
      .then((result) => setSetUp(result.ok ? result.value.setUp : false));
  }, []);

  if (setUp) return <Navigate to="/" replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = !name.trim()
      ? 'Donnez un nom au poste.'
      : !/^\d{8,12}$/.test(pin)
        ? 'Le code du référent doit contenir de 8 à 12 chiffres.'
        : pin !== pinAgain
          ? 'Les deux codes du référent ne sont pas identiques. Tapez-les de nouveau.'
          : !/^\d+$/.test(idleMinutes)
            ? "Le délai d'inactivité doit être un nombre de minutes."
            : null;
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      await call(
        api().access.setup({
          referentPin: pin,
          station: { name, type, commune, departement },
          printer: printerEnabled
            ? { enabled: true, type: printerType, interface: printerInterface, width: printerWidth }
            : { enabled: false },
          scan: { folder: scanFolder.trim() || null },
          session: { idleMinutes: Number(idleMinutes) },
        }),
      );
      await call(api().access.referentSignIn({ pin }));
      // Reload so the header shows the new station name; the référent stays signed in (main process).
      window.location.hash = '#/referent?onglet=mediateurs';
      window.location.reload();
    } catch (caught) {
      setError(errorText(caught, "L'installation n'a pas abouti. Réessayez."));
      setBusy(false);
    }
  };

  return (
    <Stack spacing={3} sx={{ maxWidth: 760 }}>
      <Typography variant="h1">Installation du poste</Typography>
      <Typography>
        Bienvenue. Ce poste n'est pas encore configuré. Le référent numérique remplit ce formulaire une seule fois ;
        ensuite il pourra tout modifier dans l'espace référent.
      </Typography>
      <Box component="form" noValidate onSubmit={(event) => void submit(event)}>
        <Stack spacing={3}>
          <Section title="1. Le lieu">
            <TextField label="Nom du poste" value={name} onChange={(e) => setName(e.target.value)} required />
            <FormControl component="fieldset">
              <FormLabel component="legend">Type de lieu</FormLabel>
              <RadioGroup
                row
                name="type"
                value={type}
                onChange={(e) => setType(choiceOf(STATION_KINDS, e.target.value, type))}
              >
                {STATION_TYPES.map(([value, label]) => (
                  <FormControlLabel key={value} value={value} control={<Radio />} label={label} />
                ))}
              </RadioGroup>
            </FormControl>
            <TextField label="Commune" value={commune} onChange={(e) => setCommune(e.target.value)} />
            <TextField
              label="Département (numéro)"
              value={departement}
              onChange={(e) => setDepartement(e.target.value.toUpperCase().slice(0, 3))}
              helperText="Par exemple 57, 2A ou 974."
              sx={{ maxWidth: 240 }}
            />
          </Section>
          <Section title="2. Le code du référent">
            <Typography>
              Ce code ouvre l'espace référent. Il contient de 8 à 12 chiffres, sans suite ni répétition (pas 12345678 ni
              11111111). Ne le donnez pas aux médiateurs : ils auront chacun leur propre code.
            </Typography>
            <PinField
              label="Code du référent"
              value={pin}
              onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
              required
            />
            <PinField
              label="Code du référent, une seconde fois"
              value={pinAgain}
              onChange={(e) => setPinAgain(e.target.value.replace(/\D/g, ''))}
              required
            />
          </Section>
          <Section title="3. L'imprimante de tickets">
            <FormControlLabel
              control={<Checkbox checked={printerEnabled} onChange={(e) => setPrinterEnabled(e.target.checked)} />}
              label="Une imprimante de tickets est branchée sur ce poste"
            />
            {printerEnabled && (
              <>
                <TextField
                  select
                  label="Type d'imprimante"
                  value={printerType}
                  onChange={(e) => setPrinterType(choiceOf(PRINTER_TYPES, e.target.value, printerType))}
                  sx={{ maxWidth: 320 }}
                >
                  <MenuItem value="epson">Epson ou compatible (ESC/POS)</MenuItem>
                  <MenuItem value="star">Star</MenuItem>
                </TextField>
                <TextField
                  label="Adresse de l'imprimante"
                  value={printerInterface}
                  onChange={(e) => setPrinterInterface(e.target.value)}
                  helperText="Réseau : tcp://adresse:9100. Port : /dev/usb/lp0 ou COM3. Imprimante du système : printer:NOM."
                />
                <TextField
                  select
                  label="Largeur du papier"
                  value={printerWidth}
                  onChange={(e) => setPrinterWidth(choiceOf(PRINTER_WIDTHS, e.target.value, printerWidth))}
                  sx={{ maxWidth: 320 }}
                >
                  <MenuItem value={48}>80 mm (48 caractères)</MenuItem>
                  <MenuItem value={42}>80 mm (42 caractères)</MenuItem>
                  <MenuItem value={32}>58 mm (32 caractères)</MenuItem>
                </TextField>
                <Typography variant="body2">
                  Vous pourrez imprimer une page de test depuis l'espace référent.
                </Typography>
              </>
            )}
          </Section>
          <Section title="4. Le scanner et l'inactivité">
            <TextField
              label="Dossier où le scanner dépose les fichiers"
              value={scanFolder}
              onChange={(e) => setScanFolder(e.target.value)}
              helperText="Laissez vide s'il n'y a pas encore de scanner. Vous pourrez tester le dossier dans l'espace référent."
            />
            <TextField
              label="Délai d'inactivité avant la fin automatique (minutes)"
              value={idleMinutes}
              onChange={(e) => setIdleMinutes(e.target.value.replace(/\D/g, ''))}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              sx={{ maxWidth: 420 }}
            />
          </Section>
          {error && (
            <Alert severity="error" role="alert" data-testid="setup-error">
              {error}
            </Alert>
          )}
          <Button type="submit" variant="contained" size="large" disabled={busy} sx={{ alignSelf: 'flex-start' }}>
            Installer le poste
          </Button>
        </Stack>
      </Box>
      <ImportAtSetup />
    </Stack>
  );
}

/** Rolling out: the file exported (with the codes) from another counter installs this one in one step. */
function ImportAtSetup() {
  const saver = useSaver();
  const onFile = (file?: File) =>
    void saver
      .run(() => importConfigFile(call, file))
      .then((done) => {
        if (!done) return;
        window.location.hash = '#/referent/connexion';
        window.location.reload();
      });
  return (
    <Section title="Ou : reprendre la configuration d'un autre poste">
      <Typography>
        Si vous avez le fichier de configuration exporté d'un autre poste, avec les codes, il installe ce poste en une
        fois. Le code du référent sera celui de l'autre poste.
      </Typography>
      <ImportConfigButton busy={saver.busy} onFile={onFile} />
      <ResultMessage message={saver.message} testId="setup-import-result" />
    </Section>
  );
}
