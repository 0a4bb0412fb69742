import type { Migration } from './index';

/** Station settings as JSON values under stable keys (see main/config). Nothing personal is ever stored here. */
export const m0001Station: Migration = {
  version: 1,
  name: 'station settings',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `);
  },
};
