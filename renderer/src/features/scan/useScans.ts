import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useQuery } from '../../app/data';

export interface ScanJob {
  jobId: string;
  name: string;
  step: 'reading' | 'pages' | 'preparing' | 'done' | 'refused';
  done: number;
  total: number;
}

/** The session's imports as main holds them, read again on every scan change; plus the imports in progress. */
export function useScans() {
  const scans = useQuery('scans', () => api().scan.list(), { refreshOn: ['scan.changed'] });
  const [jobs, setJobs] = useState<Record<string, ScanJob>>({});
  const { setData } = scans;

  // Not reads: main pushes the folder's state and each import's progress with the event; they are applied as they come.
  useEffect(() => {
    const offFolder = api().events.on('scan.folder', (folder) =>
      setData((previous) => (previous ? { ...previous, folder } : previous)),
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
      offFolder();
      offProgress();
    };
  }, [setData]);

  return { list: scans.data ?? null, error: scans.error?.message ?? null, jobs: Object.values(jobs) };
}
