/**
 * The award ledger: the one owner of `awards` and `award_tallies`. Other modules read awards with
 * their own queries and write them only through these functions.
 */
export { CODE_ALPHABET, CODE_LENGTH, certificateKind, hasCertificate, newVerificationCode, restsOnDecision, type CertificateKind } from './model.ts';
export {
  backfillVerificationCodes, importAwards, recordAwards, reviseAwards, setAwardAmounts,
  type AwardChange, type AwardSelection, type NewAward,
} from './ledger.ts';
export {
  backfillAwardRecipients, fillAwardRecipients, rebaseAwardRecipients, type AwardRecipientSelection,
} from './recipient.ts';
export { assertDeletable, awardHolds, type AwardHold } from './holds.ts';
export { importHistoricAwards, type HistoricAward } from './history.ts';
export { awardTallyDrift, rebuildAwardTallies, type TallyDrift } from './tallies.ts';
export { bulkLoadAwards, insertSelectedAwards, type AwardColumn, type AwardsSelected, type BulkLoad } from './bulk.ts';
export { formsSeenBy, notRetired, offeredForm, seenBy, seenForm, type OfferedForm } from './forms.ts';
