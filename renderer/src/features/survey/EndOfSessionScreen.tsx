import {
  Alert,
  Box,
  Button,
  Checkbox,
  CircularProgress,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormLabel,
  MenuItem,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  AGE_BAND_CODES,
  AGE_BAND_LABELS,
  ALREADY_HELPED_CODES,
  AUTONOMY_CODES,
  AUTONOMY_LABELS,
  EQUIPMENT_CODES,
  EQUIPMENT_LABELS,
  GENDER_CODES,
  ORIENTATION_CODES,
  ORIENTATION_LABELS,
  OUTCOME_LABELS,
  PLACE_TYPES,
  PLACE_TYPE_LABELS,
  SOCIAL_STATUS_CODES,
  SOCIAL_STATUS_LABELS,
  THEME_CODES,
  THEME_LABELS,
  type EndForm,
  type Result,
} from '../../../../preload/api';
import { api } from '../../api';
import { useAction, useQuery } from '../../app/data';
import { endAccompaniment } from './end-session';
import { lockSurvey, SURVEY_PATH } from './survey-lock';
import { useDemarcheTitles } from './useDemarcheTitles';

const YES_NO_LABELS: Record<string, string> = { oui: 'Oui', non: 'Non', non_communique: 'Non communiqué' };
const GENDER_LABELS: Record<string, string> = { masculin: 'Homme', feminin: 'Femme', non_communique: 'Non communiqué' };

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

/**
 * '/fin': the mediator's end-of-session form for the anonymous log, pre-filled from what the session did. Then the
 * screen goes to the usager for the survey, or the accompaniment ends without it.
 */
export function EndOfSessionScreen() {
  const navigate = useNavigate();
  const loaded = useQuery('end-of-session', () => api().survey.endOfSession());
  const data = loaded.data ?? null;
  // The mediator's changes over main's pre-filled form (null: nothing changed yet).
  const [edited, setForm] = useState<EndForm | null>(null);
  const form = edited ?? data?.form ?? null;
  const titleOf = useDemarcheTitles();
  const finish = useAction(
    async (withSurvey: boolean): Promise<Result<boolean>> => {
      const saved = await api().survey.saveEndForm(form!);
      if (!saved.ok) return saved;
      if (!withSurvey) {
        const ended = await endAccompaniment();
        if (!ended.ok) return ended;
      }
      return { ok: true, value: withSurvey };
    },
    {
      onSuccess: (withSurvey) => {
        if (withSurvey) {
          lockSurvey();
          navigate(SURVEY_PATH, { replace: true });
        } else navigate('/accueil', { replace: true });
      },
    },
  );
  const error = finish.error ?? loaded.error;
  const busy = finish.busy;

  if (error && !form) {
    return (
      <Alert severity="error" role="alert">
        {error.message}
      </Alert>
    );
  }
  if (!data || !form) return <CircularProgress aria-label="Chargement" />;

  const update = (patch: Partial<EndForm>) => setForm({ ...form, ...patch });
  const updateProfile = (patch: Partial<EndForm['profile']>) => update({ profile: { ...form.profile, ...patch } });

  return (
    <Stack spacing={3} component="form" noValidate onSubmit={(event) => event.preventDefault()}>
      <Typography variant="h1">Fin de l'accompagnement</Typography>
      <Typography>
        Vérifiez ces informations. Elles sont enregistrées sans nom ni numéro, pour les statistiques du point numérique.
      </Typography>

      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography variant="h2" gutterBottom>
          Ce qui a été fait
        </Typography>
        {data.demarches.length === 0 ? (
          <Typography>Aucune démarche enregistrée.</Typography>
        ) : (
          <Box component="ul" sx={{ m: 0, pl: 3 }} data-testid="end-demarches">
            {data.demarches.map((d, i) => (
              <li key={`${d.demarcheId}-${i}`}>
                {titleOf(d.demarcheId)} : {d.outcome ? OUTCOME_LABELS[d.outcome] : 'résultat non renseigné'}
              </li>
            ))}
          </Box>
        )}
        <Typography sx={{ mt: 1 }}>
          Durée : {data.minutes} min · Pièces importées : {data.piecesImported} · Reçu imprimé :{' '}
          {data.receiptPrinted ? 'oui' : 'non'}
        </Typography>
      </Paper>

      <FormControl>
        <FormLabel id="fin-autonomie">Autonomie de l'usager</FormLabel>
        <RadioGroup
          aria-labelledby="fin-autonomie"
          value={form.autonomy ?? ''}
          onChange={(event) => update({ autonomy: event.target.value as EndForm['autonomy'] })}
        >
          {AUTONOMY_CODES.map((code) => (
            <FormControlLabel key={code} value={code} control={<Radio />} label={AUTONOMY_LABELS[code]} />
          ))}
        </RadioGroup>
      </FormControl>

      <TextField
        select
        label="Lieu de l'accompagnement"
        value={form.placeType}
        onChange={(event) => update({ placeType: event.target.value as EndForm['placeType'] })}
        sx={{ maxWidth: 420 }}
      >
        {PLACE_TYPES.map((code) => (
          <MenuItem key={code} value={code}>
            {PLACE_TYPE_LABELS[code]}
          </MenuItem>
        ))}
      </TextField>

      <FormControl component="fieldset">
        <FormLabel component="legend">Thèmes de la démarche administrative</FormLabel>
        <FormGroup row>
          {THEME_CODES.map((code) => (
            <FormControlLabel
              key={code}
              control={
                <Checkbox
                  checked={form.themes.includes(code)}
                  onChange={(event) => update({ themes: toggle(form.themes, code, event.target.checked) })}
                />
              }
              label={THEME_LABELS[code]}
            />
          ))}
        </FormGroup>
      </FormControl>

      <FormControl component="fieldset">
        <FormLabel component="legend">Matériel utilisé</FormLabel>
        <FormGroup row>
          {EQUIPMENT_CODES.map((code) => (
            <FormControlLabel
              key={code}
              control={
                <Checkbox
                  checked={form.equipment.includes(code)}
                  onChange={(event) => update({ equipment: toggle(form.equipment, code, event.target.checked) })}
                />
              }
              label={EQUIPMENT_LABELS[code]}
            />
          ))}
        </FormGroup>
      </FormControl>

      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
        <FormControlLabel
          control={
            <Switch
              checked={form.oriented}
              onChange={(event) =>
                update({ oriented: event.target.checked, orientation: event.target.checked ? form.orientation : null })
              }
            />
          }
          label="L'usager a été orienté vers une autre structure"
        />
        {form.oriented && (
          <TextField
            select
            label="Vers quelle structure"
            value={form.orientation ?? ''}
            onChange={(event) => update({ orientation: event.target.value as EndForm['orientation'] })}
            sx={{ minWidth: 360 }}
          >
            {ORIENTATION_CODES.map((code) => (
              <MenuItem key={code} value={code}>
                {ORIENTATION_LABELS[code]}
              </MenuItem>
            ))}
          </TextField>
        )}
      </Stack>

      <Paper variant="outlined" sx={{ p: 3 }}>
        <Typography variant="h2" gutterBottom>
          Profil de l'usager (facultatif)
        </Typography>
        <Typography variant="body2" sx={{ mb: 2 }}>
          Ne demandez que si l'usager veut bien répondre. Sinon, laissez « Non communiqué ».
        </Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <TextField
            select
            label="Déjà accompagné ici"
            value={form.profile.alreadyHelped}
            onChange={(event) =>
              updateProfile({ alreadyHelped: event.target.value as EndForm['profile']['alreadyHelped'] })
            }
            sx={{ minWidth: 200 }}
          >
            {ALREADY_HELPED_CODES.map((code) => (
              <MenuItem key={code} value={code}>
                {YES_NO_LABELS[code]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label="Tranche d'âge"
            value={form.profile.ageBand}
            onChange={(event) => updateProfile({ ageBand: event.target.value as EndForm['profile']['ageBand'] })}
            sx={{ minWidth: 200 }}
          >
            {AGE_BAND_CODES.map((code) => (
              <MenuItem key={code} value={code}>
                {AGE_BAND_LABELS[code]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label="Genre"
            value={form.profile.gender}
            onChange={(event) => updateProfile({ gender: event.target.value as EndForm['profile']['gender'] })}
            sx={{ minWidth: 200 }}
          >
            {GENDER_CODES.map((code) => (
              <MenuItem key={code} value={code}>
                {GENDER_LABELS[code]}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label="Situation"
            value={form.profile.socialStatus}
            onChange={(event) =>
              updateProfile({ socialStatus: event.target.value as EndForm['profile']['socialStatus'] })
            }
            sx={{ minWidth: 200 }}
          >
            {SOCIAL_STATUS_CODES.map((code) => (
              <MenuItem key={code} value={code}>
                {SOCIAL_STATUS_LABELS[code]}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      </Paper>

      {error && (
        <Alert severity="error" role="alert">
          {error.message}
        </Alert>
      )}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        {data.survey.enabled && (
          <Button variant="contained" size="large" disabled={busy} onClick={() => void finish.run(true)}>
            Passer l'écran à l'usager
          </Button>
        )}
        <Button
          variant={data.survey.enabled ? 'outlined' : 'contained'}
          size="large"
          disabled={busy}
          onClick={() => void finish.run(false)}
        >
          {data.survey.enabled ? 'Terminer sans enquête' : "Terminer l'accompagnement"}
        </Button>
      </Stack>
    </Stack>
  );
}
