import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { workflowTemplate } from '../../src/init/templates.js';

describe('the reminders workflow', () => {
  const shipped = readFileSync(resolve(__dirname, '../../.github/workflows/remind.yml'), 'utf8');
  const written = workflowTemplate('remind.yml');

  it('declares a concurrency group that queues runs and never cancels one mid-send, also in the copy dcr init writes', () => {
    expect(written).toBeDefined();
    for (const text of [shipped, written!]) {
      const workflow = parse(text) as { concurrency?: { group?: string; 'cancel-in-progress'?: boolean } };
      expect(workflow.concurrency?.group).toBe('dcr-remind');
      expect(workflow.concurrency?.['cancel-in-progress']).toBe(false);
    }
  });

  it('keeps the state on the ref, pushed to origin, and names the command that resolves uncertain digests', () => {
    expect(shipped).toContain('dcr remind --state git:refs/dcr/reminders --state-remote origin');
    expect(shipped).toContain('--resolve-uncertain sent');
  });
});
