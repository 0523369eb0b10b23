import ArgumentParser
import Eligibility
import Foundation
import TrialModel

/// `cartrial screen`: one patient against one protocol or every bundled protocol, or a stream of
/// patients (NDJSON) against every protocol.
struct ScreenCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "screen",
    abstract: "Screen patients against eligibility criteria, with the evidence for every verdict.",
    discussion: """
      Verdicts: met, notMet, missing (the fields that would decide it are listed), attestation \
      (needs the investigator). Status per protocol: ineligible, incomplete, pendingAttestation, \
      eligible. For exclusion criteria, met means the excluding condition is absent. The age \
      criterion AGE is the --group's age range when a group is named, else the registry's range \
      (and, if the groups leave gaps in it, that of at least one group).
      """)

  @Option(help: "A patient record (JSON).") var patient: String?
  @Option(help: "Patient records, one JSON object per line (NDJSON); '-' reads standard input.")
  var patients: String?
  @OptionGroup var protocolOptions: ProtocolOptions
  @Flag(help: "Screen against every bundled protocol (eligible first).") var all = false
  @Option(help: "Screening date YYYY-MM-DD (default: the record's screeningDate; one of them is required).")
  var on: String?
  @OptionGroup var output: OutputOptions

  func checkOptions() throws {
    guard (patient == nil) != (patients == nil) else {
      throw ValidationError(
        "--patient: expected exactly one of --patient FILE or --patients FILE.ndjson, found "
          + (patient == nil ? "neither" : "both"))
    }
    guard (protocolOptions.reference == nil) != !all else {
      throw ValidationError(
        "--protocol: expected exactly one of --protocol ID or --all, found " + (all ? "both" : "neither"))
    }
    if all, let group = protocolOptions.group {
      throw ValidationError(
        "--group: expected --protocol with a group (a group belongs to one protocol), found --all with --group \(group)"
      )
    }
    if patients != nil, output.format != .ndjson {
      throw ValidationError(
        "--format: expected ndjson with --patients (it streams one result per line), found \(output.format.rawValue)"
      )
    }
  }

  func run() throws {
    try checkOptions()
    try output.require([.text, .json, .ndjson])
    let date = try on.map { text throws -> CivilDate in
      guard let date = CivilDate(iso: text) else {
        throw ValidationError("--on: expected a date YYYY-MM-DD, found '\(text)'")
      }
      return date
    }
    let trials: [CompiledCriteria]
    if all {
      trials = try ProtocolOptions.bundled().map { try ScreeningSupport.compile($0) }
    } else {
      let trial = try protocolOptions.load()
      trials = [try ScreeningSupport.compile(trial, group: trial.namedGroup(protocolOptions.group))]
    }
    if let patients {
      try screenStream(patients, trials, date)
      return
    }
    let path = patient!
    let record = try ScreeningSupport.record(Data(try InputFile.bytes(path)), on: date, file: path)
    let screening = PatientScreening(record, against: trials)
    switch output.format {
    case .json: try Output.json(screening)
    case .ndjson: try Output.jsonLine(screening)
    default: print(ScreeningSupport.text(screening), terminator: "")
    }
  }

  /// Screens each line of an NDJSON file on every core (output in input order); a bad line is
  /// reported on stderr as FILE:LINE:COLUMN and the run exits non-zero after the other lines.
  private func screenStream(_ path: String, _ trials: [CompiledCriteria], _ date: CivilDate?) throws {
    let failures = try ScreeningStream.run(path, trials, date)
    if failures > 0 { throw ExitCode(1) }
  }
}
