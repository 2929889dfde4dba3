import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/util/suggest.js';

describe('suggest', () => {
  const fields = ['source_host', 'source_db', 'source_owner', 'ingestion_owner', 'ingestion_type'];
  it('finds near misses', () => {
    expect(suggest('source_hots', fields)).toBe('source_host');
    expect(suggest('ingestion_tpye', fields)).toBe('ingestion_type');
    expect(suggest('sourceOwner', fields)).toBe('source_owner');
    expect(suggest('source-db', fields)).toBe('source_db');
  });
  it('stays quiet when nothing is close', () => {
    expect(suggest('completely_different', fields)).toBeUndefined();
    expect(suggest('x', fields)).toBeUndefined();
  });
  it('counts transpositions as one edit', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
