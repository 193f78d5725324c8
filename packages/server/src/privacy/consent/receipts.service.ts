import type { PolicyLanguage } from '@carillon/protocol/privacy';
import { notFound } from '../../platform/errors';
import { editions, type EditionRules } from '../editions';
import { policyPath } from '../policies/policies.service';
import type { ControllerContact } from '../policies/policy-texts';
import type { ConsentRepository } from './consent.repository';
import { POLICY_PURPOSE, purposeOf, purposes, type Purpose } from './purposes';
import type { ReceiptSigner } from './receipt-signer';
import { kantaraReceipt } from './receipts';

/** The deployment facts receipts name. */
export interface ReceiptSettings {
  controller: ControllerContact & { name: string };
  /** Base URL the server is reached at, without a trailing slash. */
  publicUrl: string;
}

const basicPurposes = Object.values(purposes as Record<string, Purpose>).filter(
  (p) => p.kind === 'basic',
);

/** Signed Kantara Consent Receipts for the grants in a person's ledger (PRIV-2). */
export class ReceiptsService {
  constructor(
    private readonly records: ConsentRepository,
    private readonly signer: ReceiptSigner,
    private readonly settings: ReceiptSettings,
  ) {}

  /** The receipt for one of the subject's grants and its JWS; 404 for anything else. */
  async receipt(subjectId: string, recordId: string, language: PolicyLanguage) {
    const entry = await this.records.find(recordId);
    const covered =
      entry?.purpose === POLICY_PURPOSE ? basicPurposes : [purposeOf(entry?.purpose ?? '')];
    if (!entry || entry.subjectId !== subjectId || entry.action !== 'granted' || !covered[0])
      throw notFound('Consent grant');
    const edition: EditionRules | undefined = editions[entry.edition as EditionRules['name']];
    const receipt = kantaraReceipt(entry, covered as Purpose[], {
      jurisdiction: edition?.jurisdiction ?? entry.edition,
      controller: this.settings.controller,
      policyUrl: `${this.settings.publicUrl}${policyPath(entry.policyVersion)}`,
      language,
    });
    return { receipt, jws: this.signer.sign(receipt) };
  }

  /** The public key anyone can check receipts with. */
  publicKey() {
    return this.signer.jwk;
  }
}
