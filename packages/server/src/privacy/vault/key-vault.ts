/**
 * Per-subject data keys (PRIV-7, PRIV-11, PRIV-13). Values encrypted here can
 * be made unreadable everywhere, backups included, by destroying one key.
 */
export interface KeyVault {
  /** Encrypts under the subject's data key, creating the key on first use. */
  encrypt(subjectId: string, plaintext: string): Promise<string>;
  /** Decrypts; undefined when the subject's key has been shredded. */
  decrypt(subjectId: string, ciphertext: string): Promise<string | undefined>;
  /** Destroys the subject's key: every value encrypted under it becomes unreadable. */
  shred(subjectId: string): Promise<void>;
}
