import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import RefreshIcon from '@mui/icons-material/Refresh';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import { Alert, Box, Button, IconButton, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { ScreenReaderText } from '../flow/ScreenReaderText';
import { FileChooserDialog } from './FileChooserDialog';
import type { OfficialSite } from './useOfficialSite';

/**
 * The official site beside the guide: open, back/forward/reload, zoom for the usager, another official address,
 * and the files the site gave (kept encrypted with the session, printable).
 */
export function OfficialSitePanel({ site, startUrl }: { site: OfficialSite; startUrl: string }) {
  const [address, setAddress] = useState('');
  // Read once: the placeholder's callback ref must not make the whole object look like a ref.
  const {
    state,
    message,
    downloads,
    chooser,
    setPlaceholder,
    open: openUrl,
    command,
    close,
    choose,
    cancelChooser,
    printDownload,
  } = site;
  const embedded = state?.mode === 'embedded';
  const open = Boolean(state?.open);

  const go = (event: FormEvent) => {
    event.preventDefault();
    const url = /^[a-z]+:/i.test(address.trim()) ? address.trim() : `https://${address.trim()}`;
    void openUrl(url);
  };

  return (
    <Box component="section" aria-labelledby="site-titre" id="site" tabIndex={-1} data-testid="site-panel">
      <Typography id="site-titre" variant="h2" sx={{ mb: 1 }}>
        Site officiel
      </Typography>
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          <Button variant="contained" onClick={() => void openUrl(startUrl)}>
            Ouvrir le site officiel
          </Button>
          {embedded && open && (
            <>
              <Tooltip title="Page précédente">
                <span>
                  <IconButton
                    aria-label="Page précédente"
                    disabled={!state?.canGoBack}
                    onClick={() => void command('back')}
                  >
                    <ArrowBackIcon />
                  </IconButton>
                </span>
              </Tooltip>
              <Tooltip title="Page suivante">
                <span>
                  <IconButton
                    aria-label="Page suivante"
                    disabled={!state?.canGoForward}
                    onClick={() => void command('forward')}
                  >
                    <ArrowForwardIcon />
                  </IconButton>
                </span>
              </Tooltip>
              <IconButton aria-label="Recharger la page" onClick={() => void command('reload')}>
                <RefreshIcon />
              </IconButton>
              <IconButton aria-label="Texte plus petit" onClick={() => void command('zoom-out')}>
                <ZoomOutIcon />
              </IconButton>
              <Button size="small" onClick={() => void command('zoom-reset')} aria-label="Taille normale du texte">
                {Math.round((state?.zoom ?? 1) * 100)} %
              </Button>
              <IconButton aria-label="Texte plus grand" onClick={() => void command('zoom-in')}>
                <ZoomInIcon />
              </IconButton>
              <Button onClick={() => void close()}>Fermer le site</Button>
            </>
          )}
        </Stack>
        <div role="status" aria-live="polite" data-testid="site-message">
          {message && <Alert severity={message.severity}>{message.text}</Alert>}
        </div>
        {state?.exception && (
          <Alert severity="warning" data-testid="site-exception">
            Ce site n'est pas un site officiel de l'État : le référent l'a autorisé par exception. Ne saisissez que ce
            que la démarche demande.
          </Alert>
        )}
        {embedded && open && (
          <Typography variant="body2" sx={{ wordBreak: 'break-all' }} data-testid="site-url">
            Page : {state?.url}
          </Typography>
        )}
        {embedded && (
          <Box
            ref={setPlaceholder}
            aria-hidden={!open}
            sx={{ height: open ? '70vh' : 0, border: open ? '1px solid #ddd' : 0, bgcolor: '#fff' }}
          />
        )}
        <Box component="form" noValidate onSubmit={go}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              size="small"
              label="Autre adresse d'un site officiel"
              value={address}
              onChange={(event) => setAddress(event.target.value)}
              sx={{ flexGrow: 1 }}
              autoComplete="off"
              slotProps={{ htmlInput: { 'data-testid': 'site-address', spellCheck: false } }}
            />
            <Button type="submit" variant="outlined" disabled={!address.trim()}>
              Ouvrir
            </Button>
          </Stack>
        </Box>
        {downloads.length > 0 && (
          <Box>
            <Typography variant="h3" component="h3" sx={{ fontSize: '1rem', mb: 0.5 }}>
              Fichiers reçus du site
            </Typography>
            <ul data-testid="site-downloads">
              {downloads.map((file) => (
                <li key={file.id}>
                  {file.name} ({Math.max(1, Math.round(file.bytes / 1024))} ko){' '}
                  <Button size="small" onClick={() => void printDownload(file.id)}>
                    Imprimer <ScreenReaderText>&nbsp;{file.name}</ScreenReaderText>
                  </Button>
                </li>
              ))}
            </ul>
            <Typography variant="body2">
              Ils sont gardés chiffrés jusqu'à la fin de l'accompagnement, puis effacés.
            </Typography>
          </Box>
        )}
      </Stack>
      <FileChooserDialog request={chooser} onChoose={(ids) => void choose(ids)} onCancel={cancelChooser} />
    </Box>
  );
}
