import * as migration_20261201_205413_initial from './20261201_205413_initial';
import * as migration_20261202_001215_speed2 from './20261202_001215_speed2';
import * as migration_20261202_011201_first_published_at from './20261202_011201_first_published_at';
import * as migration_20261202_114142_tools_tier_index from './20261202_114142_tools_tier_index';

export const migrations = [
  {
    up: migration_20261201_205413_initial.up,
    down: migration_20261201_205413_initial.down,
    name: '20261201_205413_initial',
  },
  {
    up: migration_20261202_001215_speed2.up,
    down: migration_20261202_001215_speed2.down,
    name: '20261202_001215_speed2',
  },
  {
    up: migration_20261202_011201_first_published_at.up,
    down: migration_20261202_011201_first_published_at.down,
    name: '20261202_011201_first_published_at',
  },
  {
    up: migration_20261202_114142_tools_tier_index.up,
    down: migration_20261202_114142_tools_tier_index.down,
    name: '20261202_114142_tools_tier_index'
  },
];
