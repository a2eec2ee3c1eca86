import * as migration_20261201_205413_initial from './20261201_205413_initial';

export const migrations = [
  {
    up: migration_20261201_205413_initial.up,
    down: migration_20261201_205413_initial.down,
    name: '20261201_205413_initial'
  },
];
