import {
  Box,
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
import { useState, type FormEvent, type ReactNode } from 'react';
import { Navigate } from 'react-router';
import { api, call } from '../../api';
import { PinField } from '../access/PinField';
import { useTitle } from '../access/useTitle';
import { importConfigFile } from './config-file-transfer';
import { ImportConfigButton } from './ImportConfigButton';
import type { StationConfig } from '../../../../preload/api';
import { refusal, useAction, useQuery } from '../../app/data';
import { choiceOf, STATION_TYPES } from './labels';
import { EMPTY_SETUP, setupProblem, setupRequest, type SetupForm } from './setup-form';
import { useSaver } from './useSaver';
import { FormSubmit } from '../../app/FormSubmit';
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
  const status = useQuery('status', () => api().access.status());
  const [form, setForm] = useState(EMPTY_SETUP);
  const set = <K extends keyof SetupForm>(key: K, value: SetupForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const install = useAction(
    async () => {
      const problem = setupProblem(form);
      if (problem) return refusal(problem);
      const done = await api().access.setup(setupRequest(form));
      return done.ok ? api().access.referentSignIn({ pin: form.pin }) : done;
    },
    {
      onSuccess: () => {
        // Reload so the header shows the new station name; the référent stays signed in (main process).
        window.location.hash = '#/referent?onglet=mediateurs';
        window.location.reload();
      },
    },
  );

  // A status that cannot be read shows the assistant: main refuses a second installation anyway.
  if (status.data?.setUp) return <Navigate to="/" replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void install.run();
  };

  return (
    <Stack spacing={3} sx={{ maxWidth: 760 }}>
      <Typography variant="h1">Installation du poste</Typography>
      <Typography>
        Bienvenue. Ce poste n'est pas encore configuré. Le référent numérique remplit ce formulaire une seule fois ;
        ensuite il pourra tout modifier dans l'espace référent.
      </Typography>
      <Box component="form" noValidate onSubmit={submit}>
        <Stack spacing={3}>
          <Section title="1. Le lieu">
            <TextField label="Nom du poste" value={form.name} onChange={(e) => set('name', e.target.value)} required />
            <FormControl component="fieldset">
              <FormLabel component="legend">Type de lieu</FormLabel>
              <RadioGroup
                row
                name="type"
                value={form.type}
                onChange={(e) => set('type', choiceOf(STATION_KINDS, e.target.value, form.type))}
              >
                {STATION_TYPES.map(([value, label]) => (
                  <FormControlLabel key={value} value={value} control={<Radio />} label={label} />
                ))}
              </RadioGroup>
            </FormControl>
            <TextField label="Commune" value={form.commune} onChange={(e) => set('commune', e.target.value)} />
            <TextField
              label="Département (numéro)"
              value={form.departement}
              onChange={(e) => set('departement', e.target.value.toUpperCase().slice(0, 3))}
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
              value={form.pin}
              onChange={(e) => set('pin', e.target.value.replace(/\D/g, ''))}
              required
            />
            <PinField
              label="Code du référent, une seconde fois"
              value={form.pinAgain}
              onChange={(e) => set('pinAgain', e.target.value.replace(/\D/g, ''))}
              required
            />
          </Section>
          <Section title="3. L'imprimante de tickets">
            <FormControlLabel
              control={
                <Checkbox checked={form.printerEnabled} onChange={(e) => set('printerEnabled', e.target.checked)} />
              }
              label="Une imprimante de tickets est branchée sur ce poste"
            />
            {form.printerEnabled && (
              <>
                <TextField
                  select
                  label="Type d'imprimante"
                  value={form.printerType}
                  onChange={(e) => set('printerType', choiceOf(PRINTER_TYPES, e.target.value, form.printerType))}
                  sx={{ maxWidth: 320 }}
                >
                  <MenuItem value="epson">Epson ou compatible (ESC/POS)</MenuItem>
                  <MenuItem value="star">Star</MenuItem>
                </TextField>
                <TextField
                  label="Adresse de l'imprimante"
                  value={form.printerInterface}
                  onChange={(e) => set('printerInterface', e.target.value)}
                  helperText="Réseau : tcp://adresse:9100. Port : /dev/usb/lp0 ou COM3. Imprimante du système : printer:NOM."
                />
                <TextField
                  select
                  label="Largeur du papier"
                  value={form.printerWidth}
                  onChange={(e) => set('printerWidth', choiceOf(PRINTER_WIDTHS, e.target.value, form.printerWidth))}
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
              value={form.scanFolder}
              onChange={(e) => set('scanFolder', e.target.value)}
              helperText="Laissez vide s'il n'y a pas encore de scanner. Vous pourrez tester le dossier dans l'espace référent."
            />
            <TextField
              label="Délai d'inactivité avant la fin automatique (minutes)"
              value={form.idleMinutes}
              onChange={(e) => set('idleMinutes', e.target.value.replace(/\D/g, ''))}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              sx={{ maxWidth: 420 }}
            />
          </Section>
          <FormSubmit action={install} label="Installer le poste" errorTestId="setup-error" />
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
