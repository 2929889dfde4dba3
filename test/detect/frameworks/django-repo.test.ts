import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changesOfFixture, tablesOf } from './fixture-repo.js';

const fixture = (name: string): string => join(import.meta.dirname, 'django', name);

describe('django in a real repository', () => {
  // babybuddy/babybuddy 07221522 (BSD-2-Clause): AlterField adding a language choice.
  it('an AlterField that only restates choices, default and verbose_name emits no SQL', async () => {
    expect(await changesOfFixture(fixture('babybuddy-0722152'))).toEqual([]);
  });

  // allegro/ralph eb6d9cad0 (Apache-2.0): AddField logical_cores, AlterField cores (verbose_name only);
  // Processor inherits the abstract Component of the models/ package.
  it('reads the prior field from the models package and reports only the real change', async () => {
    const changes = await changesOfFixture(fixture('ralph-eb6d9ca'));
    expect(tablesOf(changes)).toEqual(['assets_processor']);
    expect(changes.filter((c) => c.evidence.includes('AlterField'))).toEqual([]);
    expect(changes.filter((c) => c.evidence.includes('AddField'))).toHaveLength(1);
  }, 20_000);

  // babybuddy/babybuddy 9392d09d (BSD-2-Clause): RunPython looping over model names, saving instances.
  it('a data migration writes the models it saves, named in a loop', async () => {
    expect(tablesOf(await changesOfFixture(fixture('babybuddy-9392d09')))).toEqual([
      'core_feeding',
      'core_pumping',
      'core_sleep',
      'core_tummytime',
    ]);
  }, 20_000);
});
