import Foundation
import TestSupport
import Testing

/// The shared reference readers read every entry of the reference files.
@Suite struct FixtureReaderTests {
  @Test func exactReferenceHasEveryDesignOnEveryScenario() throws {
    let entries = try ExactOCReference.all()
    #expect(entries.count == 20)
    for entry in entries {
      #expect(entry.selection.count == entry.truth.count, "\(entry.design) \(entry.scenario)")
      #expect(entry.meanPatients.count == entry.truth.count, "\(entry.design) \(entry.scenario)")
      // Selection probabilities and "no MTD" add up to one.
      expectClose(
        entry.selection.reduce(0, +) + (entry.noSelection ?? 0), 1, absolute: 1e-9,
        "\(entry.design) \(entry.scenario)")
    }
    #expect(try ExactOCReference.entry(design: "crm", scenario: "L2").skeleton?.count == 6)
    #expect(throws: FixtureError.self) { try ExactOCReference.entry(design: "crm", scenario: "Z") }
  }

  @Test func simulatedReferenceReadsCRLFRows() throws {
    // The file has Windows line ends; every row is read whole.
    let rows = try SimulatedOCReference.all()
    #expect(rows.count == 24)
    let boin = try SimulatedOCReference.row(design: "BOIN(BOIN pkg)", scenario: "A")
    #expect(boin.trials == 10_000)
    #expect(boin.selectionPercent == [1.1, 23.5, 55.0, 19.0, 1.4])
    #expect(boin.meanPatients == [4.15, 9.20, 11.15, 4.73, 0.76])
  }

  @Test func decisionTablesCoverEveryCount() throws {
    let table = try DecisionTableReference(file: "i3plus3_pT0.3_EI0.25-0.35.csv")
    #expect(table.rows.count == 490)  // n = 3…30, y = 0…n
    #expect(table.decision(patients: 3, dlts: 0) == "E")
    #expect(table.decision(patients: 3, dlts: 1) == "S")
    #expect(table.decision(patients: 2, dlts: 0) == nil)
    #expect(table.byPatients[30]?.count == 31)
  }

  @Test func csvRecordsRejectRaggedRows() throws {
    let directory = FixtureDirectory(
      url: FileManager.default.temporaryDirectory.appendingPathComponent("testsupport-\(UUID().uuidString)"))
    try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory.url) }
    try "a,b\n1,2\n3\n".write(to: directory.url("ragged.csv"), atomically: true, encoding: .utf8)
    let error = #expect(throws: FixtureError.self) { try directory.csvRecords("ragged.csv") }
    #expect(error?.line == 3)
    try "\"a\",\"b\"\r\n1,\"x\"\r\n".write(to: directory.url("quoted.csv"), atomically: true, encoding: .utf8)
    #expect(try directory.csvRecords("quoted.csv") == [["a": "1", "b": "x"]])
  }

  @Test func seededGeneratorIsSplitMix64() {
    // splitmix64.c from seed 1234567 (the values XoshiroTests checks for Simulation's copy).
    var rng = SeededGenerator(seed: 1_234_567)
    let expected: [UInt64] = [
      6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423,
      4_593_380_528_125_082_431, 16_408_922_859_458_223_821,
    ]
    #expect((0..<5).map { _ in rng.next() } == expected)
    var uniform = SeededGenerator(seed: 1)
    for _ in 0..<1_000 {
      let u = uniform.nextOpenUnitInterval()
      #expect(u > 0 && u < 1)
    }
  }
}
