import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO } from '../helpers/paths.js';

describe('action.yml', () => {
  const action = parse(readFileSync(join(REPO, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    runs: { using: string; main: string };
  };

  it('declares the inputs the entry reads, and runs the committed bundle on node24', () => {
    expect(Object.keys(action.inputs)).toEqual(['contracts', 'mode', 'notify', 'github-token', 'smtp-url']);
    expect(action.inputs.mode!.default).toBe('warn');
    expect(action.runs).toEqual({ using: 'node24', main: 'action/dist/index.js' });
    expect(existsSync(join(REPO, action.runs.main))).toBe(true);
  });

  it('is used by the pull-request workflow with a full-depth checkout', () => {
    const workflow = parse(readFileSync(join(REPO, '.github/workflows/dcr-check.yml'), 'utf8')) as {
      on: Record<string, unknown>;
      permissions: Record<string, string>;
      jobs: { check: { steps: { uses?: string; with?: Record<string, unknown> }[] } };
    };
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    expect(workflow.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' });
    const [checkout, dcr] = workflow.jobs.check.steps;
    expect(checkout!.with).toEqual({ 'fetch-depth': 0 });
    expect(dcr!.uses).toBe('./');
  });
});
