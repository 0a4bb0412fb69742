import MergeIcon from '@mui/icons-material/CallMerge';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Box, Button, LinearProgress, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { api, type CounterError } from '../../api';
import { useAction } from '../../app/data';
import { sendFiles, type Target } from './file-source';
import { importMessage } from './import-message';
import { ImportCard, type PieceOption } from './ImportCard';
import { PreviewDialog } from './PreviewDialog';
import { sizeText, type ScanImport, type ScanImportResult } from './types';
import { useScans, type ScanJob } from './useScans';
import { WaitingFiles } from './WaitingFiles';
import { ScanButton } from '../scanner/ScanButton';

export interface ScanPanelProps {
  /** The démarche whose checklist the imports are attached to ('' when none: the overview). */
  demarcheId: string;
  pieces: PieceOption[];
  /** Show every import of the session, not only this démarche's and the unattached ones. */
  showAll?: boolean;
}

const JOB_STEPS: Record<ScanJob['step'], string> = {
  reading: 'Lecture du fichier',
  pages: 'Lecture des pages',
  preparing: 'Préparation du fichier à envoyer',
  done: 'Terminé',
  refused: 'Refusé',
};

/**
 * The scanned pièces of the running accompaniment: what arrives from the scan folder, a file pick or a drag and
 * drop, grouped by pièce of the démarche, each ready to upload (or said too heavy).
 */
export function ScanPanel({ demarcheId, pieces, showAll = false }: ScanPanelProps) {
  const { list, error, jobs } = useScans();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const messageBox = useRef<HTMLDivElement>(null);
  const target: Target = { demarcheId: demarcheId || null, pieceId: null };

  // An empty outcome (the dialog closed without a file) leaves the last message as it is.
  const report = (outcome: ScanImportResult, stillRefused = false) => {
    const said = importMessage(outcome, stillRefused);
    if (said) setMessage(said);
  };
  const fail = (text: string) => setMessage({ ok: false, text });
  const failed = (error: CounterError) => fail(error.message);
  const pick = useAction(() => api().scan.pick(target), { onSuccess: (outcome) => report(outcome), onError: failed });
  const merge = useAction((ids: string[]) => api().scan.merge({ ids }), { onError: failed });
  // Each closed notice is the person's choice: every one goes through, even while another is on its way.
  const dismiss = useAction((id: string) => api().scan.dismiss({ id }), { overlap: 'latest', onError: failed });

  // What the mediator's action did (imported, deleted, refused) takes the focus, next to the documents.
  useEffect(() => {
    if (message) messageBox.current?.focus();
  }, [message]);

  if (!list) {
    return error ? <Alert severity="error">{error}</Alert> : <LinearProgress aria-label="Chargement des pièces" />;
  }

  const onFiles = async (files: File[], source: 'pick' | 'drop') => {
    if (files.length === 0) return;
    report(await sendFiles(files, source, target, list.maxInputBytes));
  };
  const choose = () => {
    if (list.nativePick) void pick.run();
    else input.current?.click();
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void onFiles([...event.dataTransfer.files], 'drop');
  };

  const visible = list.imports.filter((item) => showAll || item.demarcheId === null || item.demarcheId === demarcheId);
  const known = new Set(pieces.map((piece) => piece.id));
  const groups: Array<{ id: string | null; label: string; items: ScanImport[] }> = [
    ...pieces.map((piece) => ({
      id: piece.id,
      label: piece.label,
      items: visible.filter((item) => item.pieceId === piece.id),
    })),
    {
      id: null,
      label: pieces.length > 0 ? 'Autres documents (non rattachés à une pièce)' : 'Documents importés',
      items: visible.filter((item) => item.pieceId === null || !known.has(item.pieceId)),
    },
  ];
  const previewItem = list.imports.find((item) => item.id === preview) ?? null;

  const folder = list.folder;
  return (
    <Stack spacing={3}>
      <Typography variant="h2" sx={{ fontSize: '1.6rem' }}>
        Pièces scannées
      </Typography>

      <Alert
        severity={folder.state === 'watching' ? 'success' : folder.state === 'not_configured' ? 'info' : 'warning'}
        role="status"
      >
        {folder.message}
      </Alert>

      <Paper
        variant="outlined"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        sx={{ p: 3, borderStyle: 'dashed', borderWidth: 2, bgcolor: dragging ? 'action.selected' : undefined }}
        data-testid="scan-drop-zone"
      >
        <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
          <Typography>
            Scannez le document : il arrive ici tout seul. Vous pouvez aussi déposer un fichier dans ce cadre, ou le
            choisir. Formats acceptés : JPEG, PNG, TIFF, HEIC (photo d'iPhone), PDF ; {sizeText(list.maxInputBytes)} au
            plus.
          </Typography>
          <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }}>
            <Button variant="contained" size="large" startIcon={<UploadFileIcon />} onClick={choose}>
              Choisir des fichiers
            </Button>
            <ScanButton target={{ demarcheId: demarcheId || null, pieceId: null }} />
          </Stack>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            aria-label="Fichiers à importer"
            accept=".jpg,.jpeg,.png,.tif,.tiff,.heic,.heif,.avif,.pdf,image/*,application/pdf"
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              event.target.value = '';
              void onFiles(files, 'pick');
            }}
          />
        </Stack>
      </Paper>

      <div aria-live="polite">
        {jobs.map((job) => (
          <Box key={job.jobId} sx={{ mb: 1 }}>
            <Typography variant="body2">
              {JOB_STEPS[job.step]} : {job.name}
              {job.step === 'pages' && job.total > 1 ? ` (page ${job.done} sur ${job.total})` : ''}
            </Typography>
            <LinearProgress
              aria-label={`Import de ${job.name}`}
              variant={job.step === 'pages' && job.total > 1 ? 'determinate' : 'indeterminate'}
              value={job.total > 0 ? (100 * job.done) / job.total : 0}
            />
          </Box>
        ))}
        {message && (
          <Alert
            severity={message.ok ? 'success' : 'error'}
            onClose={() => setMessage(null)}
            ref={messageBox}
            tabIndex={-1}
            data-testid="scan-message"
          >
            {message.text}
          </Alert>
        )}
      </div>

      {list.notices.map((notice) => (
        <Alert key={notice.id} severity="warning" onClose={() => void dismiss.run(notice.id)}>
          {notice.message}
        </Alert>
      ))}
      {list.refusals.map((refusal) => (
        <Alert key={refusal.id} severity="error" onClose={() => void dismiss.run(refusal.id)}>
          {refusal.message}
        </Alert>
      ))}

      <WaitingFiles waiting={list.waiting} target={target} onImported={report} onError={fail} />

      {groups.map((group) => (
        <Stack
          key={group.id ?? 'autre'}
          spacing={1.5}
          component="section"
          aria-labelledby={`scan-group-${group.id ?? 'autre'}`}
          data-testid={`scan-group-${group.id ?? 'autre'}`}
        >
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <Typography id={`scan-group-${group.id ?? 'autre'}`} variant="h3" sx={{ fontSize: '1.3rem' }}>
              {group.label}
            </Typography>
            {group.items.length > 1 && (
              <Button
                startIcon={<MergeIcon />}
                variant="outlined"
                disabled={merge.busy}
                onClick={() => void merge.run(group.items.map((item) => item.id))}
              >
                Assembler en un seul PDF ({group.items.length} documents)
              </Button>
            )}
          </Stack>
          {group.items.length === 0 ? (
            <Typography color="text.secondary">Aucun document pour l'instant.</Typography>
          ) : (
            group.items.map((item, index) => (
              <ImportCard
                key={item.id}
                item={item}
                demarcheId={demarcheId}
                pieces={pieces}
                first={index === 0}
                last={index === group.items.length - 1}
                onPreview={() => setPreview(item.id)}
                onError={fail}
                onRemoved={(label) => setMessage({ ok: true, text: `« ${label} » est supprimé.` })}
              />
            ))
          )}
        </Stack>
      ))}

      <PreviewDialog key={previewItem?.id ?? 'none'} item={previewItem} onClose={() => setPreview(null)} />
    </Stack>
  );
}
