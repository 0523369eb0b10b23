import TrialModel

/// What a person asks of a running trial. `TrialState.events(for:by:on:)` checks a command against
/// the state and answers the event to record, or refuses with a reason and nothing is written.
public enum ConductCommand: Sendable, Hashable {
  case amendProtocol(text: String, hash: String, reason: String)
  case activateSite(site: String, name: String?)
  /// Screens a subject with a patient record (JSON text; `file` names it in errors).
  case screen(subject: String, site: String?, group: String?, patientRecord: String, file: String)
  case attest(subject: String, criteria: [String], satisfied: Bool, note: String?)
  case consent(subject: String, date: CalendarDate)
  case enroll(subject: String, group: String?)
  case leukapheresis(subject: String, date: CalendarDate, detail: String?)
  case releaseProduct(subject: String, date: CalendarDate, detail: String?)
  case failProduct(subject: String, date: CalendarDate, detail: String?)
  case treat(ConcomitantTreatment)
  case lymphodeplete(LymphodepletionGiven)
  case infuse(subject: String, date: CalendarDate, weightKg: Double)
  /// One assessment entry (the JSON of a subject record's `assessments` item).
  case record(subject: String, entry: String, file: String)
  /// One disease assessment (the JSON of a response record's `assessments` item).
  case assessDisease(subject: String, assessment: String, file: String)
  case sample(KineticsSampled)
  case adjudicate(subject: String, outcome: DLTAdjudicated.Outcome, reason: String?)
  case confirm(group: String)
  case override(group: String, level: Int, reason: String)
  case offStudy(subject: String, date: CalendarDate, reason: OffStudy.Reason, detail: String?)
  /// Corrects event `sequence` with what `command` would record (of the same kind and subject).
  indirect case correct(sequence: Int, reason: String, command: ConductCommand)
  case sign(sequence: Int, meaning: Signature.Meaning)
}
