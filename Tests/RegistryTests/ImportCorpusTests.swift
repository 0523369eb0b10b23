import Foundation
import Inputs
import ProtocolFiles
import Registry
import Testing
import TrialModel

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
    var statedDoses: [String: [[Quantity]]] = [:]
    let draftStart = Date()
    for record in result.records {
      let yaml = ProtocolDraft.yaml(from: record)
      do {
        let trial = try ProtocolLoader.load(yaml: yaml, file: record.nctId + ".draft.yaml")
        if trial.id != record.nctId { failures.append("\(record.nctId): id \(trial.id)") }
        let stated = trial.groups.map { $0.doseLevels.filter { $0.assumption == nil }.map(\.dose) }
          .filter { !$0.isEmpty }
        if !stated.isEmpty { statedDoses[record.nctId] = stated }
      } catch {
        failures.append("\(record.nctId): \(error)")
      }
    }
    let draftSeconds = Date().timeIntervalSince(draftStart)
    print(
      "corpus: \(files.count) files, \(result.records.count) read, \(result.refusals.count) refused "
        + "(\(String(format: "%.0f", Double(files.count) / readSeconds)) records/s); "
        + "\(result.records.count - failures.count) drafts load, \(failures.count) fail "
        + "(\(String(format: "%.1f", draftSeconds)) s); \(statedDoses.count) drafts with dose levels read from the record"
    )
    for refusal in result.refusals { print("refused: \(refusal)") }
    #expect(failures.isEmpty, "\(failures.prefix(10).joined(separator: "\n"))")
    #expect(result.records.count >= 1500)
    #expect(statedDoses == Self.handReadDoses)
  }

  /// The dose levels of every corpus record whose arms or interventions state cell doses, read by
  /// hand from those texts (grep of the corpus for `10^`, `x10`, `E6`, `cells/kg`), one list per
  /// drafted group: no other record may get levels that are not assumptions.
  static let handReadDoses: [String: [[Quantity]]] = [
    // "umbilical cord stem cells 15x10\^6 cells"
    "NCT04972890": [[Quantity(1.5e7, .cells)]],
    // "10\^6, 5x10\^6 and 3x10\^7 … /kg"
    "NCT05519384": [[1e6, 5e6, 3e7].map { Quantity($0, .cellsPerKg) }],
    // "3×105STAR+T cells / kg; …"
    "NCT05739409": [[3e5, 1e6, 3e6, 6e6, 1e7].map { Quantity($0, .cellsPerKg) }],
    // three arms "6x10\^6 cells", 12, 24
    "NCT06053242": [[6e6, 1.2e7, 2.4e7].map { Quantity($0, .cells) }],
    // "1×10\^9 NK cells/dose", 9, 12
    "NCT06097962": [[1e9, 9e9, 1.2e10].map { Quantity($0, .cells) }],
    // TG-C arms
    "NCT06144970": [[Quantity(1.5e6, .cells)], [Quantity(5e6, .cells)], [Quantity(1.5e7, .cells)]],
    // "2 \* 10\^7 cells (2ml)"
    "NCT06589271": [[Quantity(2e7, .cells)]],
  ]
}
