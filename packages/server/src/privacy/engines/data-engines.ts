import type { Readable } from 'node:stream';

/** One kind of data held about a person, as the access report lists it (GDPR Art. 15). */
export interface HeldDataItem {
  table: string;
  description: string;
  /** Fides data categories present for this person in this table. */
  categories: string[];
  purposes: string[];
  legalBasis: string[];
  controller: 'personal' | 'organization';
  retention: string;
  /** Number of rows about the person. */
  records: number;
  /** Whether processing of this data is currently restricted at the person's request. */
  restricted: boolean;
}

/** What is held about a person, why, on what basis, for how long, from where, and who received it. */
export interface AccessReport {
  subjectId: string;
  generatedAt: number;
  storageRegion: string;
  items: HeldDataItem[];
  /** Where the data came from: the person, their devices, or the service itself. */
  sources: string[];
  /** Third parties that received data about the person (PRIV-6). */
  recipients: string[];
}

/** What an erasure covers: everything, or some data categories (prefix match on Fides keys). */
export type ErasureScope = { kind: 'all' } | { kind: 'categories'; categories: string[] };

/** Outcome of an erasure, for the rights request and the audit log. */
export interface ErasureResult {
  rowsDeleted: number;
  valuesAnonymized: number;
  keysShredded: number;
}

/**
 * The generic engines that walk the personal-data manifests, so every
 * feature's tables are covered without code of their own (PRIV-5, PRIV-8).
 */
export interface DataEngines {
  accessReport(subjectId: string): Promise<AccessReport>;
  /** A zip (JSON + readable HTML + the person's files), produced as a stream with bounded memory. */
  exportArchive(subjectId: string): Promise<Readable>;
  erase(subjectId: string, scope: ErasureScope): Promise<ErasureResult>;
  /** Keeps a category but stops processing it; features check `isRestricted`. */
  restrict(subjectId: string, category: string): Promise<void>;
  liftRestriction(subjectId: string, category: string): Promise<void>;
  isRestricted(subjectId: string, category: string): Promise<boolean>;
}
