// A deliberately strict address shape: no display names, comments, quotes, spaces, commas or
// line breaks, so that nothing an owner field holds can add a recipient or a mail header.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Why an address is unusable, or undefined when it is a plain, safe `local@domain.tld`. */
export function emailProblem(address: string): string | undefined {
  if (address.length > 254) return 'is longer than 254 characters';
  if (/[\s,;<>"()\\]/.test(address)) return 'contains a space, comma, quote, bracket or line break';
  const at = address.lastIndexOf('@');
  if (at <= 0 || address.indexOf('@') !== at) return 'must contain exactly one "@" with a name before it';
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > 64 || !LOCAL.test(local)) return `has an invalid name part "${local}"`;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return `has an invalid domain "${domain}"`;
  if (!/^[A-Za-z]{2,}$/.test(labels[labels.length - 1]!))
    return `has an invalid top-level domain in "${domain}"`;
  return undefined;
}

export const isEmail = (address: string): boolean => emailProblem(address) === undefined;
