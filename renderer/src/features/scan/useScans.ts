import { useCallback, useEffect, useState } from 'react';
import type { ScanList } from '../../../../preload/api';
import { api, call } from '../../api';

export interface ScanJob {
  jobId: string;
  name: string;
  step: 'reading' | 'pages' | 'preparing' | 'done' | 'refused';
  done: number;
  total: number;
}

/** The session's imports as main holds them, refreshed on every scan event; plus the imports in progress. */
export function useScans() {
  const [list, setList] = useState<ScanList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [jobs, setJobs] = useState<Record<string, ScanJob>>({});

  const refresh = useCallback(async () => {
    try {
      setList(await call(api().scan.list()));
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'La liste des pièces ne peut pas être lue.');
    }
  }, []);

  useEffect(() => {
    void call(api().scan.list()).then(setList, (caught: unknown) =>
      setError(caught instanceof Error ? caught.message : 'La liste des pièces ne peut pas être lue.'),
    );
    const offChanged = api().events.on('scan.changed', () => void refresh());
    const offFolder = api().events.on('scan.folder', (folder) =>
      setList((previous) => (previous ? { ...previous, folder } : previous)),
    );
    const offProgress = api().events.on('scan.progress', (job) => {
      setJobs((previous) => {
        const next = { ...previous };
        if (job.step === 'done' || job.step === 'refused') delete next[job.jobId];
        else next[job.jobId] = job;
        return next;
      });
    });
    return () => {
      offChanged();
      offFolder();
      offProgress();
    };
  }, [refresh]);

  return { list, error, jobs: Object.values(jobs), refresh };
}
