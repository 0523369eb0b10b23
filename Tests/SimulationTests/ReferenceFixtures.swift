import Foundation

/// Paths and loaders for the published reference values in Tests/Fixtures/reference/dosefinding.
enum ReferenceFixtures {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/reference/dosefinding")

  /// One entry of exact_oc_reference.json.
  struct ExactEntry: Decodable {
    var scenario: String
    var truth: [Double]
    var design: String
    var selection: [Double]
    var noSelection: Double?
    var meanPatients: [Double]
    var meanDLTs: Double?
    var skeleton: [Double]?
  }

  static func exactReference() throws -> [ExactEntry] {
    let data = try Data(contentsOf: directory.appendingPathComponent("exact_oc_reference.json"))
    return try JSONDecoder().decode([ExactEntry].self, from: data)
  }

  /// One row of simulated_oc_10000.csv.
  struct SimulatedRow {
    var design: String
    var scenario: String
    var trials: Int
    var selectionPercent: [Double]
    var meanPatients: [Double]
  }

  static func simulatedReference() throws -> [SimulatedRow] {
    let text = try String(
      contentsOf: directory.appendingPathComponent("simulated_oc_10000.csv"), encoding: .utf8)
    return text.split(whereSeparator: \.isNewline).dropFirst().map { line in
      let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      return SimulatedRow(
        design: f[1], scenario: f[2], trials: Int(f[3])!,
        selectionPercent: f[4].split(separator: " ").map { Double($0)! },
        meanPatients: f[5].split(separator: " ").map { Double($0)! })
    }
  }

  /// A FIND decision table (n, y) → "E" / "S" / "D" / "DU".
  static func decisionTable(_ file: String) throws -> [Int: [Int: String]] {
    let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
    var table: [Int: [Int: String]] = [:]
    for line in text.split(whereSeparator: \.isNewline).dropFirst() {
      let f = line.split(separator: ",").map { $0.replacingOccurrences(of: "\"", with: "") }
      table[Int(f[0])!, default: [:]][Int(f[1])!] = f[2]
    }
    return table
  }
}
