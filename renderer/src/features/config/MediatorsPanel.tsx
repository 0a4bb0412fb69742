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
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { MediatorView } from '../../../../preload/api';
import { api } from '../../api';
import { PinField } from '../access/PinField';
import { useReferentCall } from './referent-call';
import { SaveBar } from './SaveBar';
import { useSaver } from './useSaver';
import { ResultMessage } from '../../app/ResultMessage';

function lockText(until: string | null): string {
  if (!until) return '';
  return ` (bloqué jusqu'à ${new Date(until).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' })})`;
}

/** Médiateurs: a pseudonym and a PIN each (no real name needed); activate, deactivate, give a new PIN. */
export function MediatorsPanel() {
  const referentCall = useReferentCall();
  const [mediators, setMediators] = useState<MediatorView[] | null>(null);
  const [pseudonym, setPseudonym] = useState('');
  const [pin, setPin] = useState('');
  const [resetting, setResetting] = useState<number | null>(null);
  const adder = useSaver();
  const rows = useSaver();

  const reload = useCallback(async () => {
    setMediators(await referentCall(api().config.listMediators()));
  }, [referentCall]);

  useEffect(() => {
    let live = true;
    referentCall(api().config.listMediators()).then(
      (list) => live && setMediators(list),
      () => live && setMediators([]),
    );
    return () => {
      live = false;
    };
  }, [referentCall]);

  const add = (event: FormEvent) => {
    event.preventDefault();
    void adder.run(async () => {
      const added = await referentCall(api().config.addMediator({ pseudonym, pin }));
      setPseudonym('');
      setPin('');
      await reload();
      return `${added.pseudonym} peut maintenant se connecter avec son code.`;
    });
  };

  const toggle = (mediator: MediatorView) =>
    void rows.run(async () => {
      await referentCall(api().config.setMediatorActive({ id: mediator.id, active: !mediator.active }));
      await reload();
      return mediator.active ? `${mediator.pseudonym} est désactivé.` : `${mediator.pseudonym} est de nouveau actif.`;
    });

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
                        onClick={() => setResetting(resetting === mediator.id ? null : mediator.id)}
                        aria-expanded={resetting === mediator.id}
                        aria-label={`Nouveau code pour ${mediator.pseudonym}`}
                      >
                        Nouveau code
                      </Button>
                    </Stack>
                    {resetting === mediator.id && (
                      <ResetPinForm
                        mediator={mediator}
                        onDone={async () => {
                          setResetting(null);
                          await reload();
                        }}
                      />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <ResultMessage message={rows.message} />
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

function ResetPinForm({ mediator, onDone }: { mediator: MediatorView; onDone(): Promise<void> }) {
  const referentCall = useReferentCall();
  const [pin, setPin] = useState('');
  const saver = useSaver();
  return (
    <Box
      component="form"
      noValidate
      sx={{ mt: 2 }}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void saver.run(async () => {
          await referentCall(api().config.resetMediatorPin({ id: mediator.id, pin }));
          await onDone();
        });
      }}
    >
      <Stack spacing={1} sx={{ maxWidth: 360 }}>
        <PinField
          label={`Nouveau code pour ${mediator.pseudonym}`}
          value={pin}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          size="small"
        />
        <SaveBar busy={saver.busy} message={saver.message} label="Enregistrer le code" />
      </Stack>
    </Box>
  );
}
