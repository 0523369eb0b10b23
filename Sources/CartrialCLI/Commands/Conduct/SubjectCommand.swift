import ArgumentParser
import Foundation
import Inputs
import TrialConduct
import TrialModel

/// `cartrial subject`: screen, attest, consent, enrol, product, lymphodepletion, infusion,
/// assessments, samples, DLT adjudication, off study, and a subject's timeline.
struct SubjectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "subject", abstract: "Record what happens to a subject, and show a subject's timeline.",
    subcommands: [
      Screen.self, Attest.self, Consent.self, Enroll.self, Leukapheresis.self, Release.self,
      ManufacturingFailed.self,
      Treat.self, Lymphodeplete.self, Infuse.self, Record.self, Assess.self, Sample.self, Adjudicate.self,
      OffStudyCommand.self, Show.self,
    ])

  struct Screen: RecordingCommand {
    static let configuration = CommandConfiguration(
      abstract: "Screen a subject against the protocol in force with a patient record (JSON).")
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The subject's id in this trial.") var subject: String
    @Option(help: "The patient record (JSON, as for `screen`).") var patient: String
    @Option(help: "The group screened for (default: the one whose ages fit).") var group: String?
    @OptionGroup var options: ConductOptions

    func command() throws -> ConductCommand {
      .screen(
        subject: subject, site: options.site, group: group, patientRecord: try InputFile.text(patient),
        file: patient)
    }
  }

  struct Attest: RecordingCommand {
    static let configuration = CommandConfiguration(
      abstract: "An investigator judges criteria only a person can judge (attestation criteria).")
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The subject.") var subject: String
    @Option(help: "A criterion id (repeat for several).") var criterion: [String] = []
    @Flag(help: "The subject fails these criteria (default: passes them).") var notMet = false
    @Option(help: "A note.") var note: String?
    @OptionGroup var options: ConductOptions

    func command() throws -> ConductCommand {
      .attest(subject: subject, criteria: criterion, satisfied: !notMet, note: note)
    }
  }

  struct Consent: RecordingCommand {
    static let configuration = CommandConfiguration(abstract: "Record the date informed consent was signed.")
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The subject.") var subject: String
    @Option(help: "YYYY-MM-DD.") var date: CalendarDate
    @OptionGroup var options: ConductOptions

    func command() throws -> ConductCommand { .consent(subject: subject, date: date) }
  }

  struct Enroll: RecordingCommand {
    static let configuration = CommandConfiguration(
      abstract: "Enrol an eligible, consented subject into the group's open cohort at its current level.")
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The subject.") var subject: String
    @Option(help: "The group (default: the one screened for).") var group: String?
    @OptionGroup var options: ConductOptions

    func command() throws -> ConductCommand { .enroll(subject: subject, group: group) }
  }

  struct Leukapheresis: RecordingCommand {
    static let configuration = CommandConfiguration(abstract: "Record leukapheresis (autologous products).")
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The subject.") var subject: String
    @Option(help: "YYYY-MM-DD.") var date: CalendarDate
    @Option(help: "Lot or note.") var detail: String?
    @OptionGroup var options: ConductOptions

    func command() throws -> ConductCommand { .leukapheresis(subject: subject, date: date, detail: detail) }
  }

  struct Release: RecordingCommand {
    static let configuration = CommandConfiguration(abstract: "Record the product's release.")
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The subject.") var subject: String
    @Option(help: "YYYY-MM-DD.") var date: CalendarDate
    @Option(help: "Lot or note.") var detail: String?
    @OptionGroup var options: ConductOptions

    func command() throws -> ConductCommand { .releaseProduct(subject: subject, date: date, detail: detail) }
  }

  struct ManufacturingFailed: RecordingCommand {
    static let configuration = CommandConfiguration(
      commandName: "manufacturing-failed",
      abstract: "Record that manufacturing failed (frees the cohort slot).")
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The subject.") var subject: String
    @Option(help: "YYYY-MM-DD.") var date: CalendarDate
    @Option(help: "Why manufacturing failed.") var reason: String
    @OptionGroup var options: ConductOptions

    func command() throws -> ConductCommand { .failProduct(subject: subject, date: date, detail: reason) }
  }

  struct Treat: RecordingCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record a bridging or concomitant treatment (tocilizumab, steroids, …).")
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The subject.") var subject: String
    @Option(help: "YYYY-MM-DD.") var date: CalendarDate
    @Option(help: "The agent.") var agent: String
    @Option(help: "The dose with its unit (e.g. '8 mg/kg').") var dose: String?
    @Option(help: "bridging, crs, icans, infection or other.") var purpose: ConcomitantTreatment.Purpose
    @OptionGroup var options: ConductOptions

    func command() throws -> ConductCommand {
      .treat(ConcomitantTreatment(subject: subject, date: date, agent: agent, dose: dose, purpose: purpose))
    }
  }

  struct Lymphodeplete: RecordingCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Record lymphodepleting chemotherapy: --agent fludarabine=30x3 --agent cyclophosphamide=500x3.")
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The subject.") var subject: String
    @Option(help: "The first day, YYYY-MM-DD.") var date: CalendarDate
    @Option(help: "NAME=MG_PER_M2_PER_DAYxDAYS (repeat).") var agent: [String] = []
    @Option(name: .customLong("bsa-m2"), help: "Body surface area the agents were dosed on, m².") var bsa:
      Double
    @OptionGroup var options: ConductOptions

    func command() throws -> ConductCommand {
      let agents = try agent.map { text in
        do throws(InputError) {
          return try LymphodepletionGiven.Agent(text: text)
        } catch { throw CLIError("--agent: expected \(error.expected), found \(error.found)") }
      }
      return .lymphodeplete(
        LymphodepletionGiven(subject: subject, date: date, agents: agents, bodySurfaceAreaM2: bsa))
    }
  }

  struct Infuse: RecordingCommand {
    static let configuration = CommandConfiguration(
      abstract: "Record the infusion: the dose is computed from the weight by the protocol's dosing (caps).")
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The subject.") var subject: String
    @Option(help: "YYYY-MM-DD.") var date: CalendarDate
    @Option(name: .customLong("weight-kg"), help: "Body weight in kg on the day.") var weightKg: Double
    @OptionGroup var options: ConductOptions

    func command() throws -> ConductCommand { .infuse(subject: subject, date: date, weightKg: weightKg) }
  }

  struct Record: RecordingCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Record one assessment entry (CRS/ICANS observation or grade, lab, adverse event; the JSON of `dlt`'s assessments)."
    )
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The subject.") var subject: String
    @Option(help: "The entry (JSON).") var entry: String
    @OptionGroup var options: ConductOptions

    func command() throws -> ConductCommand {
      .record(subject: subject, entry: try InputFile.text(entry), file: entry)
    }
  }

  struct Assess: RecordingCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Record one disease assessment (marrow, MRD, extramedullary; the JSON of `response`'s assessments).")
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The subject.") var subject: String
    @Option(help: "The assessment (JSON).") var entry: String
    @OptionGroup var options: ConductOptions

    func command() throws -> ConductCommand {
      .assessDisease(subject: subject, assessment: try InputFile.text(entry), file: entry)
    }
  }

  struct Sample: RecordingCommand {
    static let configuration = CommandConfiguration(abstract: "Record a cellular-kinetics sample.")
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The subject.") var subject: String
    @Option(help: "Days after infusion.") var day: Double
    @Option(help: "The level measured.") var value: Double?
    @Flag(name: .customLong("below-lloq"), help: "Below the lower limit of quantification.") var belowLLOQ =
      false
    @Option(help: "The unit of the level.") var unit = "copies/µg DNA"
    @OptionGroup var options: ConductOptions

    func command() throws -> ConductCommand {
      .sample(KineticsSampled(subject: subject, day: day, value: value, unit: unit, belowLLOQ: belowLLOQ))
    }
  }

  struct Adjudicate: RecordingCommand {
    static let configuration = CommandConfiguration(
      abstract: "An investigator adjudicates DLT: dlt, noDlt (once the window has closed) or notEvaluable.")
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The subject.") var subject: String
    @Option(help: "dlt, noDlt or notEvaluable.") var outcome: DLTAdjudicated.Outcome
    @Option(help: "Why (required when it differs from the protocol's rules, and for notEvaluable).")
    var reason: String?
    @OptionGroup var options: ConductOptions

    func command() throws -> ConductCommand {
      .adjudicate(subject: subject, outcome: outcome, reason: reason)
    }
  }

  struct OffStudyCommand: RecordingCommand {
    static let configuration = CommandConfiguration(
      commandName: "off-study", abstract: "Take a subject off study.")
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The subject.") var subject: String
    @Option(help: "YYYY-MM-DD.") var date: CalendarDate
    @Option(help: "withdrawn, died, relapse, hsct, lost, completed or other.") var reason: OffStudy.Reason
    @Option(help: "Detail.") var detail: String?
    @OptionGroup var options: ConductOptions

    func command() throws -> ConductCommand {
      .offStudy(subject: subject, date: date, reason: reason, detail: detail)
    }
  }

  struct Show: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "A subject's timeline, dose, graded events and DLT status.")
    @Argument(help: "The trial id.") var trial: String
    @Option(help: "The subject.") var subject: String
    @OptionGroup var options: ConductOptions

    func run() async throws {
      try options.output.require([.text, .json])
      let (trial, id) = (self.trial, subject)
      let view = try await options.withLedger { ledger in
        try SubjectSummary(try await ledger.log(trial), subject: id, today: ledger.today)
      }
      if options.output.format == .json { return try Output.json(view) }
      print(view.text)
    }
  }
}
