import ArgumentParser
import Foundation
import Registry
import TrialStore

/// `cartrial protocol draft NCT…|FILE.json`: a draft protocol file from a ClinicalTrials.gov record.
struct ProtocolDraftCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "draft",
    abstract:
      "Write a draft protocol file (YAML, to standard output) from a ClinicalTrials.gov API v2 study record.",
    discussion: """
      RECORD is an NCT id of the local registry (`cartrial registry import`, in --db), or the path of \
      one API v2 study record (the JSON of GET /api/v2/studies/NCT…).

      The draft loads with `cartrial protocol check`. Values the record leaves open (design, \
      target DLT rate, cohort size, DLT window, DLT rules, dose levels when none are written) are \
      filled with stated defaults marked `assumption:`; every criterion is its verbatim text, with \
      `attestation: true` or, where a rule recognises it, a suggested expression marked \
      `suggested: true` for a person to review. Review every assumption before use.
      """)

  @Argument(help: "An NCT id of the local registry, or the path of an API v2 study record (JSON).")
  var record: String
  @OptionGroup var options: RegistryOptions

  func run() async throws {
    let reference = record
    let study: RegistryRecord
    if reference.wholeMatch(of: /NCT\d{8}/) != nil, !FileManager.default.fileExists(atPath: reference) {
      let entry = try await options.withRegistry { book in try await book.entry(reference) }
      guard let entry else {
        throw CLIError(
          "RECORD: expected an NCT id of the local registry (cartrial registry import) or a file, found \(reference)"
        )
      }
      study = entry.record
    } else {
      let data = Data(try InputFile.bytes(reference))
      do { study = try RegistryRecord(json: data, source: reference) } catch {
        throw CLIError(error.description)
      }
    }
    print(ProtocolDraft.yaml(from: study, suggest: CriteriaSuggester().forDrafts), terminator: "")
  }
}
