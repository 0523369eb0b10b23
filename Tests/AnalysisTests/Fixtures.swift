import Foundation

/// Reads the reference files in Tests/Fixtures/reference/clinical (R outputs, see its README).
enum Fixtures {
  static let directory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/reference/clinical")

  static func text(_ name: String) throws -> String {
    try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
  }

  /// A simple CSV (no embedded commas in the reference files): header → column of strings.
  static func csv(_ name: String) throws -> [[String: String]] {
    let lines = try text(name).split(whereSeparator: \.isNewline).map(String.init)
    let header = lines[0].split(separator: ",").map { $0.replacingOccurrences(of: "\"", with: "") }
    return lines.dropFirst().map { line in
      let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
        $0.replacingOccurrences(of: "\"", with: "")
      }
      return Dictionary(uniqueKeysWithValues: zip(header, fields))
    }
  }
}

/// |a − b| ≤ tolerance·|b|.
func isClose(_ a: Double, _ b: Double, relative tolerance: Double) -> Bool {
  abs(a - b) <= tolerance * abs(b)
}
