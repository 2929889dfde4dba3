import { isPolicyError, parsePolicy, type PolicySetting } from '../severity/policy.js';
import { DcrError } from '../errors.js';
import { actionMessages as m } from './messages.js';

export type NotifyChannel = 'comment' | 'reviewers' | 'email';
const CHANNELS: readonly NotifyChannel[] = ['comment', 'reviewers', 'email'];

/** The action's inputs and the GitHub environment it runs in. */
export interface ActionInputs {
  contracts?: string;
  /** warn (contracts' own policies apply), block, or severity thresholds over every contract's. */
  mode: PolicySetting;
  notify: Set<NotifyChannel>;
  token?: string;
  smtpUrl?: string;
  workspace: string;
  eventName: string;
  eventPath?: string;
  repository?: { owner: string; repo: string };
  apiUrl: string;
  serverUrl: string;
  summaryPath?: string;
  outputPath?: string;
}

/** An input as the runner passes it: `INPUT_<NAME>` upper-cased, hyphens kept (underscores accepted too). */
export function input(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const key = `INPUT_${name.toUpperCase()}`;
  const value = env[key] ?? env[key.replace(/-/g, '_')];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Reads and checks the inputs; bad values are usage errors with the accepted values. */
export function readInputs(env: NodeJS.ProcessEnv, cwd: string): ActionInputs {
  const modeText = (input(env, 'mode') ?? 'warn').toLowerCase();
  const mode = parsePolicy(modeText);
  if (isPolicyError(mode)) throw new DcrError(m.badMode(modeText), { hint: mode.hint });
  const notifyText = input(env, 'notify') ?? 'comment,reviewers';
  const notify = new Set<NotifyChannel>();
  for (const part of notifyText.split(/[\s,]+/).filter(Boolean)) {
    if (part === 'none') continue;
    if (!CHANNELS.includes(part as NotifyChannel)) throw new DcrError(m.badNotify(notifyText));
    notify.add(part as NotifyChannel);
  }
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const contracts = input(env, 'contracts');
  const token = input(env, 'github-token');
  const smtpUrl = input(env, 'smtp-url');
  return {
    ...(contracts ? { contracts } : {}),
    mode,
    notify,
    ...(token ? { token } : {}),
    ...(smtpUrl ? { smtpUrl } : {}),
    workspace: env.GITHUB_WORKSPACE || cwd,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    ...(env.GITHUB_EVENT_PATH ? { eventPath: env.GITHUB_EVENT_PATH } : {}),
    ...(owner && repo ? { repository: { owner, repo } } : {}),
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    ...(env.GITHUB_STEP_SUMMARY ? { summaryPath: env.GITHUB_STEP_SUMMARY } : {}),
    ...(env.GITHUB_OUTPUT ? { outputPath: env.GITHUB_OUTPUT } : {}),
  };
}
