import {
  Alert,
  Box,
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { MediatorView } from '../../../../preload/api';
import { api, type Result } from '../../api';
import { useAction, useQuery } from '../../app/data';
import type { ActionMessage } from '../../app/request-state';
import { PinField } from '../access/PinField';
import { useReferentReply } from './referent-call';
import { SaveBar } from './SaveBar';
import { ResultMessage } from '../../app/ResultMessage';

function lockText(until: string | null): string {
  if (!until) return '';
  return ` (bloqué jusqu'à ${new Date(until).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })})`;
}

/** Médiateurs: a pseudonym and a PIN each (no real name needed); activate, deactivate, give a new PIN. */
export function MediatorsPanel() {
  const referentReply = useReferentReply();
  const list = useQuery('mediators', () => referentReply(api().config.listMediators()));
  const mediators = list.data ?? null;
  const [pseudonym, setPseudonym] = useState('');
  const [pin, setPin] = useState('');
  const [resetting, setResetting] = useState<number | null>(null);
  const adder = useAction(
    async () => {
      const added = await referentReply(api().config.addMediator({ pseudonym, pin }));
      if (added.ok) {
        setPseudonym('');
        setPin('');
      }
      return added;
    },
    {
      success: (added) => `${added.pseudonym} peut maintenant se connecter avec son code.`,
      onSuccess: () => list.reload(),
    },
  );
  // The rows' actions (a toggle, a new PIN): each one goes through, and the latest one's outcome is said.
  const rows = useAction(
    async (mediator: MediatorView, newPin?: string): Promise<Result<string>> => {
      const { pseudonym: name } = mediator;
      if (newPin !== undefined) {
        const done = await referentReply(api().config.resetMediatorPin({ id: mediator.id, pin: newPin }));
        return done.ok ? { ok: true, value: `Le nouveau code de ${name} est enregistré.` } : done;
      }
      const done = await referentReply(api().config.setMediatorActive({ id: mediator.id, active: !mediator.active }));
      if (!done.ok) return done;
      return { ok: true, value: mediator.active ? `${name} est désactivé.` : `${name} est de nouveau actif.` };
    },
    {
      overlap: 'latest',
      success: (text) => text,
      onSuccess: () => {
        setResetting(null);
        return list.reload();
      },
    },
  );
  const toggle = (mediator: MediatorView) => {
    // The outcome is said below the table: an open "Nouveau code" form would take it.
    setResetting(null);
    void rows.run(mediator);
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    void adder.run();
  };

  return (
    <Stack spacing={4}>
      <Stack spacing={2}>
        <Typography variant="h2">Médiateurs du poste</Typography>
        {mediators && mediators.length === 0 && <Alert severity="info">Aucun médiateur pour le moment.</Alert>}
        {mediators && mediators.length > 0 && (
          <Table size="small" aria-label="Médiateurs du poste">
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  Pseudonyme
                </TableCell>
                <TableCell component="th" scope="col">
                  État
                </TableCell>
                <TableCell component="th" scope="col">
                  Actions
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {mediators.map((mediator) => (
                <TableRow key={mediator.id}>
                  <TableCell component="th" scope="row">
                    {mediator.pseudonym}
                  </TableCell>
                  <TableCell>
                    {mediator.active ? 'Actif' : 'Désactivé'}
                    {lockText(mediator.lockedUntil)}
                  </TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
                      <Button
                        variant="outlined"
                        onClick={() => toggle(mediator)}
                        aria-label={`${mediator.active ? 'Désactiver' : 'Activer'} ${mediator.pseudonym}`}
                      >
                        {mediator.active ? 'Désactiver' : 'Activer'}
                      </Button>
                      <Button
                        variant="outlined"
                        onClick={() => {
                          rows.clear();
                          setResetting(resetting === mediator.id ? null : mediator.id);
                        }}
                        aria-expanded={resetting === mediator.id}
                        aria-label={`Nouveau code pour ${mediator.pseudonym}`}
                      >
                        Nouveau code
                      </Button>
                    </Stack>
                    {resetting === mediator.id && (
                      <ResetPinForm
                        mediator={mediator}
                        busy={rows.busy}
                        message={rows.message}
                        onSave={(newPin) => void rows.run(mediator, newPin)}
                      />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {list.error && !mediators && (
          <Alert severity="error" role="alert">
            {list.error.message}
          </Alert>
        )}
        {/* While a "Nouveau code" form is open, what its button did is said next to it. */}
        <ResultMessage message={resetting === null ? rows.message : null} />
      </Stack>
      <Box component="form" noValidate onSubmit={add}>
        <Stack spacing={2} sx={{ maxWidth: 560 }}>
          <Typography variant="h2">Ajouter un médiateur</Typography>
          <Typography variant="body2">
            Un pseudonyme suffit (par exemple un prénom d'usage ou un surnom) : le vrai nom n'est pas demandé. Le code
            contient de 6 à 12 chiffres, sans suite ni répétition, et il est différent de celui des autres comptes ;
            donnez-le à la personne de vive voix.
          </Typography>
          <TextField label="Pseudonyme" value={pseudonym} onChange={(e) => setPseudonym(e.target.value)} required />
          <PinField
            label="Code PIN du médiateur"
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
            required
          />
          <SaveBar busy={adder.busy} message={adder.message} label="Ajouter le médiateur" />
        </Stack>
      </Box>
    </Stack>
  );
}

/** A new PIN for one mediator; the panel saves it (and closes this form once saved). */
function ResetPinForm({
  mediator,
  busy,
  message,
  onSave,
}: {
  mediator: MediatorView;
  busy: boolean;
  message: ActionMessage | null;
  onSave(pin: string): void;
}) {
  const [pin, setPin] = useState('');
  return (
    <Box
      component="form"
      noValidate
      sx={{ mt: 2 }}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSave(pin);
      }}
    >
      <Stack spacing={1} sx={{ maxWidth: 360 }}>
        <PinField
          label={`Nouveau code pour ${mediator.pseudonym}`}
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          size="small"
        />
        <SaveBar busy={busy} message={message} label="Enregistrer le code" />
      </Stack>
    </Box>
  );
}
