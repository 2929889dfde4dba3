import { describe, expect, it } from 'vitest';
import { changePeople, diffContracts } from '../../src/contract/diff.js';
import { contract } from './helpers.js';

describe('diffContracts', () => {
  it('reports nothing for identical registries', () => {
    expect(diffContracts([contract({ jobId: 'a' })], [contract({ jobId: 'a' })])).toEqual([]);
  });

  it('summarises owner moves, tables, frequency, type and retirement field by field', () => {
    const before = contract({ jobId: 'orders', tables: ['public.orders', 'public.items'] });
    const after = contract({
      jobId: 'orders',
      status: 'retired',
      tables: ['PUBLIC.ORDERS', 'public.refunds'],
      frequencyMinutes: 15,
      ingestionType: 'cdc',
      owners: { source: ['new-dev@x.com'], ingestion: ['DATA@x.com'] },
    });
    const [change] = diffContracts([before], [after]);
    expect(change).toMatchObject({ contract: 'orders', kind: 'changed', retired: true });
    expect(change!.fields).toEqual([
      { field: 'status', before: 'active', after: 'retired' },
      { field: 'owners.source', added: ['new-dev@x.com'], removed: ['dev@x.com'] },
      { field: 'tables', added: ['public.refunds'], removed: ['public.items'] },
      { field: 'ingestionType', before: 'full', after: 'cdc' },
      { field: 'frequencyMinutes', before: 60, after: 15 },
    ]);
    expect(changePeople(change!)).toEqual(['data@x.com', 'dev@x.com', 'new-dev@x.com']);
  });

  it('treats added and removed contracts (and a changed job id) as such, sorted by job id', () => {
    const changes = diffContracts(
      [contract({ jobId: 'old' }), contract({ jobId: 'same' })],
      [contract({ jobId: 'Same', file: 'contracts/same.yaml' }), contract({ jobId: 'new' })],
    );
    expect(changes.map((c) => [c.contract, c.kind])).toEqual([
      ['new', 'added'],
      ['old', 'removed'],
    ]);
    expect(changes[1]!.owners).toEqual({ before: { source: ['dev@x.com'], ingestion: ['data@x.com'] } });
  });

  it('notices a frequency dropped and a file moved', () => {
    const [change] = diffContracts(
      [contract({ jobId: 'k', ingestionType: 'full' })],
      [
        contract({
          jobId: 'k',
          ingestionType: 'stream',
          frequencyMinutes: undefined,
          file: 'contracts/kafka/k.yaml',
        }),
      ],
    );
    expect(change!.fields).toContainEqual({ field: 'frequencyMinutes', before: 60 });
    expect(change!.fields).toContainEqual({
      field: 'file',
      before: 'contracts/k.yaml',
      after: 'contracts/kafka/k.yaml',
    });
  });
});
