import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';
import { notifyGithub } from '../../src/action/notify-github.js';
import { FakeGithub } from './fake-github.js';
import { sampleReport } from './helpers.js';

describe('notifyGithub against GitHub’s awkward answers', () => {
  let gh: FakeGithub;
  const warnings: string[] = [];
  beforeEach(async () => {
    gh = await new FakeGithub().start();
    warnings.length = 0;
  });
  afterEach(() => gh.stop());

  const notify = (number: number, reviewers: string[] = []) =>
    notifyGithub({
      token: 'test-token',
      apiUrl: gh.url,
      repo: { owner: 'o', repo: 'r' },
      event: { number, baseSha: 'a', headSha: 'b', labels: [], fork: false, author: 'ana-de' },
      report: sampleReport(),
      create: true,
      comment: true,
      reviewers,
      client: { retryBaseMs: 1, pacing: false },
      say: () => {},
      warn: (m) => warnings.push(m),
    });

  it('leaves a closed pull request alone', async () => {
    gh.addPull({ number: 3, state: 'closed' });
    await notify(3);
    expect(gh.comments.get(3)).toBeUndefined();
    expect(warnings).toEqual(['the pull request was closed or deleted while dcr ran; nothing to comment on']);
  });

  it('treats a deleted pull request (404) the same way', async () => {
    await notify(404);
    expect(warnings[0]).toMatch(/closed or deleted/);
  });

  it('warns when reviewers cannot be requested, after commenting; never asks the author', async () => {
    gh.addPull({ number: 4, user: 'ana-de' });
    gh.nonCollaborators.add('zed');
    const report = sampleReport();
    report.people.set('zed@mycompany.com', 'zed');
    await notify(4, ['zed@mycompany.com', 'data-eng@mycompany.com']);
    expect(gh.comments.get(4)).toHaveLength(1);
    expect(warnings).toEqual([]); // zed is not in this report's people map: nobody but the author is left
    await notifyGithub({
      token: 'test-token',
      apiUrl: gh.url,
      repo: { owner: 'o', repo: 'r' },
      event: { number: 4, baseSha: 'a', headSha: 'b', labels: [], fork: false, author: 'ana-de' },
      report,
      create: true,
      comment: true,
      reviewers: ['zed@mycompany.com', 'dev-team@mycompany.com'],
      client: { retryBaseMs: 1, pacing: false },
      say: () => {},
      warn: (m) => warnings.push(m),
    });
    expect(warnings).toEqual([
      expect.stringMatching(/^could not request reviews \(Reviews may only be requested from collaborators/),
    ]);
    expect(gh.comments.get(4)).toHaveLength(1);
  });

  it('posts one comment when the create answers 502 after writing and the list lags behind it', async () => {
    gh.addPull({ number: 5 });
    gh.faults.push({ method: 'POST', path: /\/issues\/5\/comments$/, status: 502, commit: true });
    gh.listLag = 2;
    await notify(5);
    expect(gh.comments.get(5)).toHaveLength(1);
    expect(gh.log.filter((l) => l.method === 'POST' && l.path.endsWith('/comments'))).toHaveLength(1);
    expect(warnings).toEqual([]);
    // The next run (a new push) updates that comment, still one.
    await notify(5);
    expect(gh.comments.get(5)).toHaveLength(1);
  });
});

describe('readInputs', () => {
  it('reads INPUT_ variables with hyphens and checks mode and notify', () => {
    const inputs = readInputs(
      {
        'INPUT_GITHUB-TOKEN': 't',
        INPUT_MODE: 'Block',
        INPUT_NOTIFY: 'comment, email',
        GITHUB_REPOSITORY: 'o/r',
      },
      '/w',
    );
    expect(inputs).toMatchObject({
      token: 't',
      mode: 'block',
      repository: { owner: 'o', repo: 'r' },
      workspace: '/w',
      apiUrl: 'https://api.github.com',
    });
    expect([...inputs.notify]).toEqual(['comment', 'email']);
    expect(() => readInputs({ INPUT_MODE: 'strict' }, '/w')).toThrow(
      'input "mode" must be warn, block or severity thresholds (block=breaking,warn=risky), not "strict"',
    );
    expect(readInputs({ INPUT_MODE: 'block=breaking,warn=risky' }, '/w').mode).toEqual({
      block: 'breaking',
      warn: 'risky',
    });
    expect(() => readInputs({ INPUT_NOTIFY: 'slack' }, '/w')).toThrow(
      /input "notify" takes comment, reviewers and email/,
    );
  });
});
