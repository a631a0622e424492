/** Secrets shorter than this are not redacted: a 1–3 character "key" would blank out ordinary words and numbers. */
export const MIN_SECRET_LENGTH = 4;

/**
 * The secrets the log must never show. Any stored key of MIN_SECRET_LENGTH or more characters counts (the emulator
 * accepts any key, so short ones are real too). Longest first, so a key that contains another is replaced whole.
 */
export class Redactor {
  private secrets: string[] = [];

  add(secret: string): void {
    if (secret.length < MIN_SECRET_LENGTH || this.secrets.includes(secret)) {
      return;
    }
    this.secrets = [...this.secrets, secret].sort((a, b) => b.length - a.length);
  }

  scrub(text: string): string {
    let out = text;
    for (const secret of this.secrets) {
      out = out.split(secret).join('***');
    }
    return out;
  }
}
