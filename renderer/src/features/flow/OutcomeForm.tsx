import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import type { Demarche, FlowEntry, FormatCheck, Outcome, OrientationCode } from '../../../../preload/api';
import { api, call } from '../../api';
import { OUTCOME_LABELS } from './labels';

type Kind = Outcome['kind'];

/** How the démarche ended: déposée (with its numéro), incomplète (pièces missing), orientée (to whom), abandonnée. */
export function OutcomeForm({
  demarche,
  entry,
  orientations,
  onSave,
}: {
  demarche: Demarche;
  entry: FlowEntry;
  orientations: Array<{ code: OrientationCode; label: string }>;
  onSave(outcome: Outcome): Promise<boolean>;
}) {
  const saved = entry.outcome;
  const route = entry.route;
  const [kind, setKind] = useState<Kind | ''>(saved?.kind ?? '');
  const [numero, setNumero] = useState(saved?.kind === 'deposee' ? saved.numero : '');
  const [check, setCheck] = useState<FormatCheck | null>(null);
  const [missing, setMissing] = useState<string[]>(
    saved?.kind === 'incomplete'
      ? saved.missing
      : demarche.pieces.filter((p) => entry.pieces[p.id]?.status === 'manquant').map((p) => p.id),
  );
  const [orientation, setOrientation] = useState<OrientationCode>(
    saved?.kind === 'orientee' ? saved.orientation : route.kind === 'orientation' ? route.orientation : 'prefecture',
  );
  const [why, setWhy] = useState(
    saved?.kind === 'orientee' ? saved.why : route.kind === 'orientation' ? route.why : '',
  );

  useEffect(() => {
    if (kind !== 'deposee' || !numero.trim()) return;
    let live = true;
    void call(api().flow.checkFormat({ kind: 'numero', value: numero, demarcheId: demarche.id })).then(
      (result) => live && setCheck(result),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [kind, numero, demarche.id]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!kind) return;
    const outcome: Outcome =
      kind === 'deposee'
        ? { kind, numero }
        : kind === 'incomplete'
          ? { kind, missing }
          : kind === 'orientee'
            ? { kind, orientation, why }
            : { kind };
    void onSave(outcome);
  };

  return (
    <Box component="form" noValidate onSubmit={submit} aria-labelledby="resultat-titre" id="resultat" tabIndex={-1}>
      <Typography id="resultat-titre" variant="h2" sx={{ mb: 2 }}>
        Résultat de la démarche
      </Typography>
      <Stack spacing={2}>
        <FormControl component="fieldset">
          <FormLabel component="legend" sx={{ fontWeight: 700, color: 'text.primary' }}>
            Comment la démarche s'est-elle terminée ?
          </FormLabel>
          <RadioGroup
            row
            name="resultat"
            value={kind}
            onChange={(event) => {
              const next = event.target.value as Kind;
              setKind(next);
              // The pièces marked missing in the checklist are ticked already.
              if (next === 'incomplete' && missing.length === 0) {
                setMissing(demarche.pieces.filter((p) => entry.pieces[p.id]?.status === 'manquant').map((p) => p.id));
              }
            }}
          >
            {(Object.keys(OUTCOME_LABELS) as Kind[]).map((value) => (
              <FormControlLabel key={value} value={value} control={<Radio />} label={OUTCOME_LABELS[value]} />
            ))}
          </RadioGroup>
        </FormControl>

        {kind === 'deposee' && (
          <Stack spacing={1}>
            <TextField
              label={demarche.numero.label}
              helperText={demarche.numero.help}
              value={numero}
              onChange={(event) => setNumero(event.target.value)}
              required={demarche.numero.required}
              autoComplete="off"
              slotProps={{ htmlInput: { 'data-testid': 'numero', spellCheck: false, maxLength: 80 } }}
            />
            {demarche.numero.unsure && (
              <Typography variant="body2">
                Le format exact de ce numéro n'est pas confirmé : le poste l'accepte même s'il ne ressemble pas au
                modèle.
              </Typography>
            )}
            <div role="status" aria-live="polite">
              {check && numero.trim() && <Alert severity={check.ok ? 'success' : 'warning'}>{check.message}</Alert>}
            </div>
          </Stack>
        )}

        {kind === 'incomplete' && (
          <FormControl component="fieldset">
            <FormLabel component="legend" sx={{ fontWeight: 700, color: 'text.primary' }}>
              Quelles pièces manquent ?
            </FormLabel>
            <FormGroup>
              {demarche.pieces.map((piece) => (
                <FormControlLabel
                  key={piece.id}
                  control={
                    <Checkbox
                      checked={missing.includes(piece.id)}
                      onChange={(event) =>
                        setMissing((current) =>
                          event.target.checked ? [...current, piece.id] : current.filter((id) => id !== piece.id),
                        )
                      }
                    />
                  }
                  label={piece.label}
                />
              ))}
            </FormGroup>
          </FormControl>
        )}

        {kind === 'orientee' && (
          <Stack spacing={2}>
            <TextField
              select
              label="Orientée vers"
              value={orientation}
              onChange={(event) => setOrientation(event.target.value as OrientationCode)}
              slotProps={{ select: { native: true } }}
            >
              {orientations.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.label}
                </option>
              ))}
            </TextField>
            <TextField
              label="Pourquoi (écrit sur le reçu, sans donnée personnelle)"
              value={why}
              onChange={(event) => setWhy(event.target.value)}
              multiline
              minRows={2}
              slotProps={{ htmlInput: { maxLength: 500 } }}
            />
          </Stack>
        )}

        <Box>
          <Button type="submit" variant="contained" size="large" disabled={!kind}>
            Enregistrer le résultat
          </Button>
        </Box>
        <div role="status" aria-live="polite" data-testid="outcome-saved">
          {saved && (
            <Alert severity="success">
              Résultat enregistré : {OUTCOME_LABELS[saved.kind]}
              {saved.kind === 'deposee' && saved.numero && ` — ${demarche.numero.label} ${saved.numero}`}.
            </Alert>
          )}
          {entry.numeroWarning && (
            <Alert severity="warning" sx={{ mt: 1 }} data-testid="numero-warning">
              {entry.numeroWarning} Le numéro est gardé tel quel.
            </Alert>
          )}
        </div>
      </Stack>
    </Box>
  );
}
