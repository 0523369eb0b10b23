import ArgumentParser
import Foundation
import Registry

/// `cartrial protocol draft FILE.json`: a draft protocol file from a ClinicalTrials.gov record.
struct ProtocolDraftCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "draft",
    abstract:
      "Write a draft protocol file (YAML, to standard output) from a ClinicalTrials.gov API v2 study record.",
    discussion: """
      FILE is the path of one API v2 study record (the JSON of GET /api/v2/studies/NCT…). Looking \
      an NCT id up in the local registry is not available yet: give a file path.

      The draft loads with `cartrial protocol check`. Values the record leaves open (design, \
      target DLT rate, cohort size, DLT window, DLT rules, dose levels when none are written) are \
      filled with stated defaults marked `assumption:`; every criterion is its verbatim text with \
      `attestation: true`. Review every assumption before use.
      """)

  @Argument(help: "Path of an API v2 study record (JSON).") var file: String

  func run() throws {
    let data = Data(try InputFile.bytes(file))
    let record: RegistryRecord
    do { record = try RegistryRecord(json: data, source: file) } catch { throw CLIError(error.description) }
    print(ProtocolDraft.yaml(from: record), terminator: "")
  }
}
