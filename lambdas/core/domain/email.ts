/** Emails are trimmed and compared case-insensitively everywhere (API.md). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** `jane.doe@example.com` -> `j***@e***.com`, as Cognito masks delivery destinations. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = normalizeEmail(email).split('@');
  const dot = domain.lastIndexOf('.');
  const host = dot > 0 ? domain.slice(0, dot) : domain;
  const tld = dot > 0 ? domain.slice(dot) : '';
  return `${local.slice(0, 1)}***@${host.slice(0, 1)}***${tld}`;
}
