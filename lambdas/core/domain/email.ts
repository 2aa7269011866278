/** Emails are trimmed and compared case-insensitively everywhere (docs/api.md). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
