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
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Demarche, FlowEntry, Outcome, OrientationCode } from '../../../../preload/api';
import { api } from '../../api';
import { useQuery } from '../../app/data';
import { OUTCOME_LABELS } from './labels';
import { differsFromSaved, outcomeOf, type OutcomeFields } from './outcome-draft';
import { useFlushedSave } from './useFlushedSave';

type Kind = Outcome['kind'];

/** How the démarche ended: déposée (with its numéro), incomplète (pièces missing), orientée (to whom), abandonnée. */
export function OutcomeForm({
  demarche,
  entry,
  orientations,
  onSave,
  onDraft,
  error,
}: {
  demarche: Demarche;
  entry: FlowEntry;
  orientations: Array<{ code: OrientationCode; label: string }>;
  onSave(outcome: Outcome): Promise<boolean>;
  /** The form as it is now, kept by main until saved (the Reçu screen offers to save it). */
  onDraft(draft: Outcome | null): void;
  /** Why main refused the last save, shown here, next to the button. */
  error: string | null;
}) {
  const saved = entry.outcome;
  const route = entry.route;
  // A draft kept by main (the mediator left before saving) comes back in the form.
  const start = entry.unsaved ?? saved;
  const [kind, setKind] = useState<Kind | ''>(start?.kind ?? '');
  const [numero, setNumero] = useState(start?.kind === 'deposee' ? start.numero : '');
  const result = useRef<HTMLDivElement>(null);
  const [submitted, setSubmitted] = useState(0);
  const [missing, setMissing] = useState<string[]>(
    start?.kind === 'incomplete'
      ? start.missing
      : demarche.pieces.filter((p) => entry.pieces[p.id]?.status === 'manquant').map((p) => p.id),
  );
  const [orientation, setOrientation] = useState<OrientationCode>(
    start?.kind === 'orientee' ? start.orientation : route.kind === 'orientation' ? route.orientation : 'prefecture',
  );
  const [why, setWhy] = useState(
    start?.kind === 'orientee' ? start.why : route.kind === 'orientation' ? route.why : '',
  );
  const fields: OutcomeFields = { kind, numero, missing, orientation, why };
  const dirty = differsFromSaved(fields, saved);
  const draft = useFlushedSave(onDraft, 400);
  const edit = (next: Partial<OutcomeFields>) => draft.schedule(outcomeOf({ ...fields, ...next }));

  // After a save (accepted or refused), the focus goes to what it said, next to the button.
  useEffect(() => {
    if (submitted > 0) result.current?.focus();
  }, [submitted, error, saved]);

  // Whether the numéro looks like the démarche's model, as it is typed; the last answer stays shown meanwhile and a
  // failed check shows nothing (the numéro is kept as typed anyway).
  const check = useQuery(
    `numero-format:${demarche.id}:${numero}`,
    () => api().flow.checkFormat({ kind: 'numero', value: numero, demarcheId: demarche.id }),
    { enabled: kind === 'deposee' && numero.trim() !== '' },
  ).data;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const outcome = outcomeOf(fields);
    if (!outcome) return;
    draft.flush();
    void onSave(outcome).then(() => setSubmitted((n) => n + 1));
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
              const ticked =
                next === 'incomplete' && missing.length === 0
                  ? demarche.pieces.filter((p) => entry.pieces[p.id]?.status === 'manquant').map((p) => p.id)
                  : missing;
              setMissing(ticked);
              edit({ kind: next, missing: ticked });
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
              onChange={(event) => {
                setNumero(event.target.value);
                edit({ numero: event.target.value });
              }}
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
                      onChange={(event) => {
                        const next = event.target.checked
                          ? [...missing, piece.id]
                          : missing.filter((id) => id !== piece.id);
                        setMissing(next);
                        edit({ missing: next });
                      }}
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
              onChange={(event) => {
                setOrientation(event.target.value as OrientationCode);
                edit({ orientation: event.target.value as OrientationCode });
              }}
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
              onChange={(event) => {
                setWhy(event.target.value);
                edit({ why: event.target.value });
              }}
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
        <div role="status" aria-live="polite" data-testid="outcome-saved" ref={result} tabIndex={-1}>
          {error ? (
            <Alert severity="error" data-testid="outcome-error">
              {error}
            </Alert>
          ) : dirty ? (
            <Alert severity="info" data-testid="outcome-unsaved">
              Ce résultat n'est pas encore enregistré.
            </Alert>
          ) : (
            saved && (
              <Alert severity="success">
                Résultat enregistré : {OUTCOME_LABELS[saved.kind]}
                {saved.kind === 'deposee' && saved.numero && ` — ${demarche.numero.label} ${saved.numero}`}.
              </Alert>
            )
          )}
          {!error && !dirty && entry.numeroWarning && (
            <Alert severity="warning" sx={{ mt: 1 }} data-testid="numero-warning">
              {entry.numeroWarning} Le numéro est gardé tel quel.
            </Alert>
          )}
        </div>
      </Stack>
    </Box>
  );
}
