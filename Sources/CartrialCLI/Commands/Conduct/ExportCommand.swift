import ArgumentParser
import Exports
import Foundation
import TrialConduct
import TrialStore

/// `cartrial export sdtm|fhir|odm TRIAL`: a trial's data in a standard format.
struct ExportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract:
      "Export a trial's data: CDISC SDTM (CSV per domain), HL7 FHIR R4 (JSON Bundle), CDISC ODM 1.3.2 (XML).",
    discussion: """
      sdtm writes one CSV per domain (dm, ex, ae, suppae, lb, rs, pc, pp .csv) and define.csv into --out DIR; fhir and odm print the
      document (or write it into --out DIR). With --site, only that site's subjects are exported.
      """)
  @Argument(help: "sdtm, fhir or odm.") var format: String
  @Argument(help: "The trial id.") var trial: String
  @Option(help: "A directory to write the files into (required for sdtm).") var out: String?
  @OptionGroup var options: ConductOptions

  func run() async throws {
    guard let format = TrialExport.Format(rawValue: format.lowercased()) else {
      throw ValidationError(
        "FORMAT: expected one of \(TrialExport.Format.allCases.map(\.rawValue).joined(separator: ", ")), found \(format)"
      )
    }
    if format == .sdtm, out == nil {
      throw ValidationError("--out: sdtm writes one file per domain: give a directory")
    }
    let (trial, site) = (self.trial, options.site)
    let files = try await options.withLedger { ledger in
      let log = try await ledger.log(trial)
      if let site, log.state.sites[site] == nil {
        throw CLIError(
          "--site: expected a site of trial \(trial) (\(log.state.sites.keys.sorted().joined(separator: ", "))), found \(site)"
        )
      }
      let state = site.map { s in log.state.restricted(toSites: { $0 == s }) } ?? log.state
      return try TrialExport.files(format, state: state, events: log.events)
    }
    guard let out else {
      for f in files { print(f.text) }
      return
    }
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    for f in files {
      let path = (out as NSString).appendingPathComponent(f.name)
      try f.text.write(toFile: path, atomically: true, encoding: .utf8)
      print(path)
    }
  }
}
