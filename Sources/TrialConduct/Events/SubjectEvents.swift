import Assessment
import Eligibility
import Inputs
import TrialModel

/// A subject is screened against the protocol in force: the patient record as submitted, the
/// protocol hash it was screened against and the screening report.
public struct SubjectScreened: Codable, Sendable, Hashable {
  public var subject: String
  public var site: String?
  /// The group screened for (its age range is the `AGE` criterion).
  public var group: String?
  /// The patient record (JSON), exactly as submitted.
  public var patientRecord: String
  public var protocolHash: String
  public var report: ScreeningReport

  public init(
    subject: String, site: String?, group: String?, patientRecord: String, protocolHash: String,
    report: ScreeningReport
  ) {
    self.subject = subject
    self.site = site
    self.group = group
    self.patientRecord = patientRecord
    self.protocolHash = protocolHash
    self.report = report
  }
}

/// An investigator judges criteria that only a person can judge (`attestation: true`).
public struct CriteriaAttested: Codable, Sendable, Hashable {
  public var subject: String
  public var criteria: [String]
  /// `true`: the subject passes these criteria (inclusion met, exclusion absent).
  public var satisfied: Bool
  public var note: String?

  public init(subject: String, criteria: [String], satisfied: Bool, note: String? = nil) {
    self.subject = subject
    self.criteria = criteria
    self.satisfied = satisfied
    self.note = note
  }
}

/// Informed consent signed on `date`.
public struct ConsentSigned: Codable, Sendable, Hashable {
  public var subject: String
  public var date: CalendarDate

  public init(subject: String, date: CalendarDate) {
    self.subject = subject
    self.date = date
  }
}

/// A subject is enrolled into a group's cohort at a level.
public struct Enrolled: Codable, Sendable, Hashable {
  public var subject: String
  public var group: String
  public var cohort: Int
  public var level: Int

  public init(subject: String, group: String, cohort: Int, level: Int) {
    self.subject = subject
    self.group = group
    self.cohort = cohort
    self.level = level
  }
}

/// A step of an autologous product's making: leukapheresis, release or failure.
public struct ProductStep: Codable, Sendable, Hashable {
  public var subject: String
  public var date: CalendarDate
  /// Lot number, release cells, or why manufacturing failed.
  public var detail: String?

  public init(subject: String, date: CalendarDate, detail: String? = nil) {
    self.subject = subject
    self.date = date
    self.detail = detail
  }
}

/// Bridging or concomitant treatment (tocilizumab, steroids, chemotherapy…).
public struct ConcomitantTreatment: Codable, Sendable, Hashable {
  /// What the treatment is for.
  public enum Purpose: String, Codable, Sendable, Hashable, CaseIterable {
    case bridging, crs, icans, infection, other
  }

  public var subject: String
  public var date: CalendarDate
  public var agent: String
  /// Dose as given, with its unit (`8 mg/kg`, `10 mg`).
  public var dose: String?
  public var purpose: Purpose

  public init(subject: String, date: CalendarDate, agent: String, dose: String?, purpose: Purpose) {
    self.subject = subject
    self.date = date
    self.agent = agent
    self.dose = dose
    self.purpose = purpose
  }
}

/// Lymphodepleting chemotherapy given (Flu/Cy): agents in mg/m² per day for some days, and the
/// body surface area they were dosed on.
public struct LymphodepletionGiven: Codable, Sendable, Hashable {
  /// One agent: `fludarabine 30 mg/m²/day × 3 days`.
  public struct Agent: Codable, Sendable, Hashable {
    public var agent: String
    public var mgPerM2PerDay: Double
    public var days: Int

    public init(agent: String, mgPerM2PerDay: Double, days: Int) {
      self.agent = agent
      self.mgPerM2PerDay = mgPerM2PerDay
      self.days = days
    }

    /// `fludarabine=30x3`: the agent, mg/m² per day, and days (as the CLI and the forms write it).
    public init(text: String) throws(InputError) {
      let parts = text.split(separator: "=", maxSplits: 1)
      let dose = parts.count == 2 ? parts[1].split(separator: "x") : []
      guard parts.count == 2, dose.count == 2, let mg = Double(dose[0]), mg > 0, let days = Int(dose[1]),
        days > 0
      else {
        throw InputError(
          .invalidValue, field: "agent", expected: "NAME=MG_PER_M2_PER_DAYxDAYS (e.g. fludarabine=30x3)",
          found: "\"\(text)\"")
      }
      self.init(agent: String(parts[0]), mgPerM2PerDay: mg, days: days)
    }
  }

  public var subject: String
  /// The first day of lymphodepletion.
  public var date: CalendarDate
  public var agents: [Agent]
  public var bodySurfaceAreaM2: Double

  public init(subject: String, date: CalendarDate, agents: [Agent], bodySurfaceAreaM2: Double) {
    self.subject = subject
    self.date = date
    self.agents = agents
    self.bodySurfaceAreaM2 = bodySurfaceAreaM2
  }
}

/// The CAR-T product is infused: the weight recorded and the dose from the dosing code (cells and
/// cells/kg, capped or not).
public struct Infused: Codable, Sendable, Hashable {
  public var subject: String
  public var date: CalendarDate
  public var dose: DoseCalculation

  public init(subject: String, date: CalendarDate, dose: DoseCalculation) {
    self.subject = subject
    self.date = date
    self.dose = dose
  }
}

/// One dated assessment (CRS/ICANS observation or grade, lab, adverse event), as the JSON of an
/// entry in a subject record's `assessments`, exactly as submitted. The entry is read once, when
/// the event is made or decoded, and kept beside its text for the fold.
public struct AssessmentRecorded: Codable, Sendable, Hashable {
  public var subject: String
  /// The entry's JSON, exactly as submitted (what the event's bytes hold).
  public var entry: String {
    get { submitted.text }
    set { submitted = SubmittedJSON(newValue) }
  }
  /// The entry and what it reads as; coded as the text alone, under `entry`.
  var submitted: SubmittedJSON<AssessmentEntry>

  public init(subject: String, entry: String) {
    self.subject = subject
    submitted = SubmittedJSON(entry)
  }

  /// An entry a command has already read.
  init(subject: String, entry: String, read: AssessmentEntry) {
    self.subject = subject
    submitted = SubmittedJSON(entry, read: read)
  }

  private enum CodingKeys: String, CodingKey {
    case subject
    case submitted = "entry"
  }
}

/// One disease assessment (marrow, MRD, extramedullary), as the JSON of an entry of a response
/// record's `assessments`, exactly as submitted.
public struct DiseaseAssessed: Codable, Sendable, Hashable {
  public var subject: String
  public var assessment: String

  public init(subject: String, assessment: String) {
    self.subject = subject
    self.assessment = assessment
  }
}

/// A cellular-kinetics sample: CAR transgene level at a time after infusion.
public struct KineticsSampled: Codable, Sendable, Hashable {
  public var subject: String
  /// Days after infusion (fractions for hours).
  public var day: Double
  /// The measured level (`unit`), `nil` when below the lower limit of quantification.
  public var value: Double?
  public var unit: String
  public var belowLLOQ: Bool

  public init(subject: String, day: Double, value: Double?, unit: String, belowLLOQ: Bool) {
    self.subject = subject
    self.day = day
    self.value = value
    self.unit = unit
    self.belowLLOQ = belowLLOQ
  }
}

/// An investigator adjudicates a subject's DLT status; the outcome computed from the recorded
/// assessments is kept beside it, so that a disagreement is visible.
public struct DLTAdjudicated: Codable, Sendable, Hashable {
  /// The adjudicated outcome.
  public enum Outcome: String, Codable, Sendable, Hashable, CaseIterable {
    case dlt, noDlt, notEvaluable
  }

  public var subject: String
  public var outcome: Outcome
  /// What the protocol's DLT rules give from the recorded assessments on the adjudication date.
  public var computed: String
  public var reason: String?

  public init(subject: String, outcome: Outcome, computed: String, reason: String?) {
    self.subject = subject
    self.outcome = outcome
    self.computed = computed
    self.reason = reason
  }
}

/// The subject leaves the study.
public struct OffStudy: Codable, Sendable, Hashable {
  /// Why the subject left.
  public enum Reason: String, Codable, Sendable, Hashable, CaseIterable {
    case withdrawn, died, relapse, hsct, lost, completed, other
  }

  public var subject: String
  public var date: CalendarDate
  public var reason: Reason
  public var detail: String?

  public init(subject: String, date: CalendarDate, reason: Reason, detail: String? = nil) {
    self.subject = subject
    self.date = date
    self.reason = reason
    self.detail = detail
  }
}
