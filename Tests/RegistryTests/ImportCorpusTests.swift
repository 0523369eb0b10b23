import Foundation
import Inputs
import ProtocolFiles
import Registry
import Testing

/// The issue's "done means": every record of the 1,527-record corpus is read or refused with a
/// JSON path, and every record read yields a draft that loads as a protocol file.
@Suite struct ImportCorpusTests {
  @Test func wholeCorpusReadsAndEveryDraftLoads() throws {
    let folder = try ImportFixtures.requireShared().appendingPathComponent("corpus", isDirectory: true)
    let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
    #expect(files.count == 1527)
    let start = Date()
    let result = RegistryImport.read(files: files)
    let readSeconds = Date().timeIntervalSince(start)
    #expect(result.records.count + result.refusals.count == files.count)
    for refusal in result.refusals {
      #expect(!refusal.error.field.isEmpty, "\(refusal)")
      #expect(refusal.error.location != nil, "\(refusal)")
    }
    var failures: [String] = []
    var levelsParsed = 0
    let draftStart = Date()
    for record in result.records {
      let yaml = ProtocolDraft.yaml(from: record)
      do {
        let trial = try ProtocolLoader.load(yaml: yaml, file: record.nctId + ".draft.yaml")
        if trial.id != record.nctId { failures.append("\(record.nctId): id \(trial.id)") }
        if trial.groups.contains(where: { $0.doseLevels.contains { $0.assumption == nil } }) {
          levelsParsed += 1
        }
      } catch {
        failures.append("\(record.nctId): \(error)")
      }
    }
    let draftSeconds = Date().timeIntervalSince(draftStart)
    print(
      "corpus: \(files.count) files, \(result.records.count) read, \(result.refusals.count) refused "
        + "(\(String(format: "%.0f", Double(files.count) / readSeconds)) records/s); "
        + "\(result.records.count - failures.count) drafts load, \(failures.count) fail "
        + "(\(String(format: "%.1f", draftSeconds)) s); \(levelsParsed) drafts with dose levels read from the record"
    )
    for refusal in result.refusals { print("refused: \(refusal)") }
    #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    #expect(result.records.count >= 1500)
  }
}
