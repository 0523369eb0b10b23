import Analysis
import ArgumentParser
import Foundation
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
      Endpoint rules (specs/clinical.md §2.3, all [R] defaults): origin = infusion; OS: death;
      EFS: death, relapse or treatment failure (no CR/CRi, dated day 0); DOR (responders, from CR/CRi):
      relapse or death due to disease; RFS: relapse or death. HSCT per --hsct.
      """)

  @OptionGroup var protocolOptions: ProtocolOptions
  @Option(help: "Directory with subjects.csv and optionally kinetics.csv.") var data: String
  @Option(help: "Output HTML file.") var out: String
  @Option(help: "Allogeneic HSCT / new therapy: ignore (default), censor or event.")
  var hsct: String = EndpointDefinition.TransplantRule.ignore.rawValue
  @Option(name: .customLong("conf-type"), help: "Survival CI scale: log (default, as R) or log-log.")
  var confType: String = SurvivalConfidenceScale.log.rawValue

  static let subjectColumns = [
    "group", "dose_level", "enrolment_date", "best_response", "response_date", "relapse_date", "death_date",
    "death_cause", "hsct_date", "last_assessment_date", "last_alive_date", "dlt",
  ]

  /// The best_response values (any case): a misspelt "CRR" must not turn a responder into a
  /// treatment failure silently. NE = not evaluable; MLFS = morphologic leukaemia-free state (ELN).
  static let bestResponses = ["CR", "CRi", "PR", "NR", "PD", "relapse", "MLFS", "NE"]

  /// One subject's row of subjects.csv.
  struct Subject {
    /// Line of subjects.csv, for error messages.
    var line: Int
    var course: SubjectCourse
    var group: String
    var doseLevel: Int?
    var bestResponse: String
    var dlt: Bool?
    var responder: Bool { course.firstResponse != nil }
  }

  func run() throws {
    guard let transplant = EndpointDefinition.TransplantRule(rawValue: hsct) else {
      throw ValidationError("--hsct: expected ignore, censor or event, found '\(hsct)'")
    }
    guard let scale = SurvivalConfidenceScale(rawValue: confType) else {
      throw ValidationError("--conf-type: expected log or log-log, found '\(confType)'")
    }
    let trial = try protocolOptions.loadIfGiven()
    let directory = URL(fileURLWithPath: data)
    let subjects = try Self.readSubjects(directory.appendingPathComponent("subjects.csv").path)
    let kineticsPath = directory.appendingPathComponent("kinetics.csv").path
    var kinetics: [(subject: String, profile: ConcentrationProfile)] = []
    if FileManager.default.fileExists(atPath: kineticsPath) {
      let table = try CSVTable.read(kineticsPath)
      kinetics = try table.concentrationProfiles()
      let known = Set(subjects.map(\.course.subject))
      if let stray = table.rows.first(where: { !known.contains(table.string($0, "subject")) }) {
        throw CLIError(
          "\(kineticsPath):\(stray.line): subject \(table.string(stray, "subject")) is not in subjects.csv")
      }
    }
    var endpoints = Self.endpoints(for: trial)
    for index in endpoints.indices { endpoints[index].transplant = transplant }
    let page = try ReportPage(
      trial: trial, group: protocolOptions.group, dataName: directory.lastPathComponent, subjects: subjects,
      kinetics: kinetics, endpoints: endpoints, scale: scale, transplant: transplant)
    do {
      try page.html().write(toFile: out, atomically: true, encoding: .utf8)
    } catch {
      throw CLIError("\(out): cannot write the report (\(error.localizedDescription))")
    }
    print(
      "wrote \(out): \(subjects.count) subjects, \(kinetics.count) kinetic profiles, "
        + "endpoints \(endpoints.map(\.name).joined(separator: ", "))")
  }

  /// The time-to-event endpoints the protocol names (all four when there is no protocol).
  static func endpoints(for trial: TrialProtocol?) -> [EndpointDefinition] {
    guard let trial else {
      return [.overallSurvival, .eventFreeSurvival, .durationOfResponse, .relapseFreeSurvival]
    }
    var list: [EndpointDefinition] = []
    for endpoint in trial.endpoints {
      switch endpoint.measure {
      case .os: list.append(.overallSurvival)
      case .efs: list.append(.eventFreeSurvival)
      case .dor: list.append(.durationOfResponse)
      case .rfs: list.append(.relapseFreeSurvival)
      case .pfs:
        // In B-ALL progression is relapse: PFS = relapse or death from any cause, from infusion.
        var pfs = EndpointDefinition.eventFreeSurvival
        pfs.name = "PFS"
        pfs.treatmentFailure = nil
        list.append(pfs)
      default: break
      }
    }
    return list
  }

  static func readSubjects(_ path: String) throws -> [Subject] {
    let table = try CSVTable.read(path)
    try table.check(required: ["subject", "infusion_date"], allowed: subjectColumns)
    var seen: [String: Int] = [:]
    return try table.rows.map { row in
      let id = table.string(row, "subject")
      guard !id.isEmpty else { throw CLIError("\(path):\(row.line): column 'subject' is empty") }
      if let line = seen[id] {
        throw CLIError("\(path):\(row.line): subject \(id) already appears on line \(line)")
      }
      seen[id] = row.line
      let response = table.string(row, "best_response")
      guard response.isEmpty || bestResponses.contains(where: { $0.uppercased() == response.uppercased() })
      else {
        throw CLIError(
          "\(path):\(row.line): column 'best_response': expected one of "
            + "\(bestResponses.joined(separator: ", ")) or empty, found '\(response)'")
      }
      let responded = ["CR", "CRI"].contains(response.uppercased())
      let cause = table.string(row, "death_cause").lowercased()
      guard ["", "disease", "other"].contains(cause) else {
        throw CLIError(
          "\(path):\(row.line): column 'death_cause': expected disease or other, found '\(cause)'")
      }
      let level = table.string(row, "dose_level")
      guard level.isEmpty || Int(level) != nil else {
        throw CLIError("\(path):\(row.line): column 'dose_level': expected a whole number, found '\(level)'")
      }
      let responseDate = try table.date(row, "response_date")
      // A non-responder without the date of the window's assessment would silently be censored
      // for EFS instead of counting as a treatment failure.
      if !response.isEmpty, response.uppercased() != "NE", responseDate == nil {
        let which = responded ? "the first CR/CRi" : "the assessment closing the response window"
        throw CLIError("\(path):\(row.line): best_response \(response) needs a response_date (\(which))")
      }
      let course = SubjectCourse(
        subject: id, enrolment: try table.date(row, "enrolment_date"),
        infusion: try table.date(row, "infusion_date"),
        firstResponse: responded ? responseDate : nil, responseAssessment: responseDate,
        relapse: try table.date(row, "relapse_date"), death: try table.date(row, "death_date"),
        deathDueToDisease: cause.isEmpty ? nil : cause == "disease",
        transplant: try table.date(row, "hsct_date"),
        lastAssessment: try table.date(row, "last_assessment_date"),
        lastKnownAlive: try table.date(row, "last_alive_date"))
      guard course.infusion != nil else {
        throw CLIError("\(path):\(row.line): column 'infusion_date' is empty")
      }
      return Subject(
        line: row.line, course: course, group: table.string(row, "group"), doseLevel: Int(level),
        bestResponse: response,
        dlt: table.string(row, "dlt").isEmpty ? nil : try table.flag(row, "dlt"))
    }
  }
}
