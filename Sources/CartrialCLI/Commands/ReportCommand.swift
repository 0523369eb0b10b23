import Analysis
import ArgumentParser
import Foundation
import Inputs
import Reports
import TrialModel

/// `cartrial report`: one self-contained HTML page with the trial's endpoint tables and charts.
struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract:
      "Write a self-contained HTML trial report (endpoint tables, KM curves, kinetics, swimmer plot).",
    discussion: """
      --data DIR holds:
        subjects.csv (required), one row per infused subject. Columns: subject, infusion_date (required);
          group, dose_level, enrolment_date, best_response (CR, CRi, PR, NR…), response_date (first CR/CRi,
          or the response-window assessment for non-responders), relapse_date, death_date,
          death_cause (disease|other), hsct_date, last_assessment_date, last_alive_date, dlt (yes/no).
          Dates are YYYY-MM-DD; empty cells mean "did not happen / unknown".
        kinetics.csv (optional): subject,time,conc — time in days since infusion, transgene level
          (e.g. copies/µg gDNA; 0 = BLQ).
      With --group every table covers that group's subjects only; without it, every group. With a
      protocol of several groups, each subject names its group.
      Endpoint rules (ELIANA-style, Maude et al. NEJM 2018; all recalled defaults [R]): origin = infusion;
      OS: death; EFS: death, relapse or treatment failure (no CR/CRi, dated day 0); DOR (responders, from
      CR/CRi): relapse or death due to disease; RFS: relapse or death. HSCT per --hsct. The NCA interval is
      0…windowDays of the protocol's kinetics endpoint (0…28 days when it states none).
      """)

  @OptionGroup var protocolOptions: ProtocolOptions
  @Option(help: "Directory with subjects.csv and optionally kinetics.csv.") var data: String
  @Option(help: "Output HTML file.") var out: String
  @Option(help: "Allogeneic HSCT / new therapy: ignore (default), censor or event.")
  var hsct: String = EndpointDefinition.TransplantRule.ignore.rawValue
  @Option(name: .customLong("conf-type"), help: "Survival CI scale: log (default, as R) or log-log.")
  var confType: String = SurvivalConfidenceScale.log.rawValue

  func run() throws {
    guard let transplant = EndpointDefinition.TransplantRule(rawValue: hsct) else {
      throw ValidationError("--hsct: expected ignore, censor or event, found '\(hsct)'")
    }
    guard let scale = SurvivalConfidenceScale(rawValue: confType) else {
      throw ValidationError("--conf-type: expected log or log-log, found '\(confType)'")
    }
    let trial = try protocolOptions.loadIfGiven()
    let directory = URL(fileURLWithPath: data)
    let subjectsPath = directory.appendingPathComponent("subjects.csv").path
    let kineticsPath = directory.appendingPathComponent("kinetics.csv").path
    let report: TrialReport
    do {
      let subjects = try SubjectRecord.records(from: try InputFile.table(subjectsPath))
      let kinetics =
        InputFile.exists(kineticsPath) ? try InputFile.table(kineticsPath).concentrationProfiles() : []
      let data = try ReportData(subjects: subjects, kinetics: kinetics, name: directory.lastPathComponent)
      report = try TrialReport(
        data: data, trial: trial, group: protocolOptions.group,
        options: ReportOptions(transplant: transplant, scale: scale))
    } catch let error as InputError {
      throw CLIError.input(error)
    }
    do {
      try ReportPage(report).html().write(toFile: out, atomically: true, encoding: .utf8)
    } catch {
      throw InputFile.cannotWrite(out)
    }
    print(
      "wrote \(out): \(report.scope.subjects.count) subjects, \(report.kinetics.count) kinetic profiles, "
        + "endpoints \(report.endpoints.map(\.definition.name).joined(separator: ", "))")
  }
}
