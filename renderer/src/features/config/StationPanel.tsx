import {
  Box,
  FormControl,
  FormControlLabel,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { PinField } from '../access/PinField';
import { useConfig } from './ConfigContext';
import { STATION_TYPES } from './labels';
import { useReferentCall } from './referent-call';
import { SaveBar } from './SaveBar';
import { useSaver } from './useSaver';

/** The time zones of France's départements and collectivités, for the time printed on the receipt. */
const TIME_ZONES: Array<[string, string]> = [
  ['Europe/Paris', 'France métropolitaine et Corse'],
  ['America/Guadeloupe', 'Guadeloupe, Saint-Martin, Saint-Barthélemy'],
  ['America/Martinique', 'Martinique'],
  ['America/Cayenne', 'Guyane'],
  ['Indian/Reunion', 'La Réunion'],
  ['Indian/Mayotte', 'Mayotte'],
  ['America/Miquelon', 'Saint-Pierre-et-Miquelon'],
  ['Pacific/Noumea', 'Nouvelle-Calédonie'],
  ['Pacific/Tahiti', 'Polynésie française (Tahiti)'],
  ['Pacific/Wallis', 'Wallis-et-Futuna'],
];

/** Poste: the station's identity, and the référent's own PIN. */
export function StationPanel() {
  const { config, save } = useConfig();
  const station = config.station as Record<string, string>;
  const [values, setValues] = useState({
    name: station.name ?? '',
    type: station.type ?? 'prefecture',
    commune: station.commune ?? '',
    departement: station.departement ?? '',
    contactPhone: station.contactPhone ?? '',
    timeZone: station.timeZone ?? 'Europe/Paris',
  });
  const saver = useSaver();
  const field = (key: keyof typeof values) => ({
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
          void saver.run(() => save('station', values));
        }}
      >
        <Stack spacing={2} sx={{ maxWidth: 640 }}>
          <Typography variant="h2">Identité du poste</Typography>
          <TextField label="Nom du poste" required {...field('name')} />
          <FormControl component="fieldset">
            <FormLabel component="legend">Type de lieu</FormLabel>
            <RadioGroup row name="station-type" {...field('type')}>
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
          <TextField
            select
            label="Fuseau horaire du poste"
            helperText="L'heure imprimée sur le reçu."
            {...field('timeZone')}
            sx={{ maxWidth: 420 }}
          >
            {TIME_ZONES.map(([zone, label]) => (
              <MenuItem key={zone} value={zone}>
                {label}
              </MenuItem>
            ))}
          </TextField>
          <SaveBar busy={saver.busy} message={saver.message} />
        </Stack>
      </Box>
      <ReferentPinForm />
    </Stack>
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
