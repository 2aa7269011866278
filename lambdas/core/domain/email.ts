/** Emails are trimmed and compared case-insensitively everywhere (API.md). */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
