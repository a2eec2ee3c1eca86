import * as migration_20261201_205439_initial from './20261201_205439_initial';

export const migrations = [
  {
    up: migration_20261201_205439_initial.up,
    down: migration_20261201_205439_initial.down,
    name: '20261201_205439_initial'
  },
];
