import {
  Box,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { PinField } from '../access/PinField';
import { useConfig } from './ConfigContext';
import { choiceOf, STATION_TYPES } from './labels';
import { useReferentCall } from './referent-call';
import { SaveBar } from './SaveBar';
import { useSaver } from './useSaver';

const STATION_KINDS = STATION_TYPES.map(([value]) => value);

/** Poste: the station's identity, and the référent's own PIN. */
export function StationPanel() {
  const { config, save } = useConfig();
  const [values, setValues] = useState(config.station);
  const saver = useSaver();
  const field = (key: 'name' | 'commune' | 'departement' | 'contactPhone') => ({
    value: values[key],
    onChange: (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value }),
  });

  return (
    <Stack spacing={4}>
      <Box
        component="form"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void saver.run(() => save({ station: values }));
        }}
      >
        <Stack spacing={2} sx={{ maxWidth: 640 }}>
          <Typography variant="h2">Identité du poste</Typography>
          <TextField label="Nom du poste" required {...field('name')} />
          <FormControl component="fieldset">
            <FormLabel component="legend">Type de lieu</FormLabel>
            <RadioGroup
              row
              name="station-type"
              value={values.type}
              onChange={(event) =>
                setValues({ ...values, type: choiceOf(STATION_KINDS, event.target.value, values.type) })
              }
            >
              {STATION_TYPES.map(([value, label]) => (
                <FormControlLabel key={value} value={value} control={<Radio />} label={label} />
              ))}
            </RadioGroup>
          </FormControl>
          <TextField label="Commune" {...field('commune')} />
          <TextField label="Département (numéro)" {...field('departement')} sx={{ maxWidth: 240 }} />
          <TextField
            label="Numéro de téléphone donné aux usagers"
            helperText="Imprimé sur le reçu de l'usager."
            {...field('contactPhone')}
            sx={{ maxWidth: 320 }}
          />
          <SaveBar busy={saver.busy} message={saver.message} />
        </Stack>
      </Box>
      <LockedStationForm />
      <ReferentPinForm />
    </Stack>
  );
}

/** Kiosk mode, start at login and the A4 printer: what locks a counter open to the public (SECURITY.md). */
function LockedStationForm() {
  const { config, save } = useConfig();
  const [kiosk, setKiosk] = useState(config.session.kiosk);
  const [openAtLogin, setOpenAtLogin] = useState(config.session.openAtLogin);
  const [a4Printer, setA4Printer] = useState(config.printer.a4Printer);
  const saver = useSaver();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saver.run(() => save({ session: { kiosk, openAtLogin }, printer: { a4Printer } }));
  };
  return (
    <Box component="form" noValidate onSubmit={submit}>
      <Stack spacing={2} sx={{ maxWidth: 640 }}>
        <Typography variant="h2">Poste verrouillé</Typography>
        <FormControlLabel
          control={<Switch checked={kiosk} onChange={(event) => setKiosk(event.target.checked)} />}
          label="Mode kiosque : plein écran, sans menu ; fermer le poste demande un code"
        />
        <FormControlLabel
          control={<Switch checked={openAtLogin} onChange={(event) => setOpenAtLogin(event.target.checked)} />}
          label="Ouvrir Point numérique à l'ouverture de la session de l'ordinateur"
        />
        <TextField
          label="Imprimante A4 du système (nom)"
          helperText="Vide : l'imprimante par défaut. En mode kiosque, le reçu A4 y est imprimé sans fenêtre de choix."
          value={a4Printer}
          onChange={(event) => setA4Printer(event.target.value)}
        />
        <SaveBar busy={saver.busy} message={saver.message} />
      </Stack>
    </Box>
  );
}

function ReferentPinForm() {
  const referentCall = useReferentCall();
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const saver = useSaver('Le code du référent est changé. Utilisez le nouveau code dès la prochaine connexion.');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void saver.run(async () => {
      if (pin !== again) throw new Error('Les deux codes ne sont pas identiques. Tapez-les de nouveau.');
      await referentCall(api().config.changeReferentPin({ pin }));
      setPin('');
      setAgain('');
    });
  };
  return (
    <Box component="form" noValidate onSubmit={submit}>
      <Stack spacing={2} sx={{ maxWidth: 640 }}>
        <Typography variant="h2">Code du référent</Typography>
        <PinField
          label="Nouveau code du référent"
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        />
        <PinField
          label="Nouveau code, une seconde fois"
          value={again}
          onChange={(e) => setAgain(e.target.value.replace(/\D/g, ''))}
        />
        <SaveBar busy={saver.busy} message={saver.message} label="Changer le code" />
      </Stack>
    </Box>
  );
}
