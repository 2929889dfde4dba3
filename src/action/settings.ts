import { DcrError } from '../errors.js';

/** The `github:` section of dcr.config.yaml. */
export interface GithubSettings {
  /** A label that acknowledges every finding of the pull request. */
  ackLabel: string;
  /** Login our comment is posted as, when neither GET /user nor github-actions[bot] is right. */
  commentAuthor?: string;
  /** Sender of detection emails (notify: email). */
  emailFrom?: string;
}

/** Reads and checks the `github:` section; unknown keys are errors with the known ones listed. */
export function githubSettings(
  section: Record<string, unknown> | undefined,
  file = 'the config',
): GithubSettings {
  const settings: GithubSettings = { ackLabel: 'data-contract-ack' };
  for (const [key, value] of Object.entries(section ?? {})) {
    if (key !== 'ackLabel' && key !== 'commentAuthor' && key !== 'emailFrom') {
      throw new DcrError(`${file}: unknown setting github.${key}`, {
        hint: 'known: github.ackLabel, github.commentAuthor, github.emailFrom',
      });
    }
    if (typeof value !== 'string' || value.trim() === '')
      throw new DcrError(`${file}: github.${key} must be a non-empty string`);
    settings[key] = value.trim();
  }
  return settings;
}
