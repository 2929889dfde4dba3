import { mention } from './markdown.js';

/** Email → GitHub handle, from the config's `people` map (case-insensitive on the email). */
export function handles(people: Record<string, string> | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const [email, handle] of Object.entries(people ?? {})) {
    if (typeof handle === 'string' && mention(handle))
      map.set(email.toLowerCase(), handle.trim().replace(/^@/, ''));
  }
  return map;
}

/** The users and team slugs to ask for a review, leaving out the pull request's author. */
export function reviewersFor(
  emails: Iterable<string>,
  people: Map<string, string>,
  author?: string,
): { users: string[]; teams: string[] } {
  const users = new Set<string>();
  const teams = new Set<string>();
  for (const email of emails) {
    const handle = people.get(email.toLowerCase());
    if (!handle) continue;
    const slash = handle.indexOf('/');
    if (slash >= 0) teams.add(handle.slice(slash + 1));
    else if (handle.toLowerCase() !== author?.toLowerCase()) users.add(handle);
  }
  return { users: [...users].sort(), teams: [...teams].sort() };
}
