import Foundation

/// A reference file that does not have the shape a reader expects.
public struct FixtureError: Error, CustomStringConvertible {
  /// The file and line (1-based) of the problem.
  public var file: String
  public var line: Int
  /// What is wrong.
  public var message: String

  public var description: String { "\(file):\(line): \(message)" }
}

extension FixtureDirectory {
  /// The rows of a simple CSV file (no quoted commas, as in every reference file), header dropped,
  /// each field with its surrounding double quotes removed. Blank lines are skipped.
  public func csvRows(_ name: String) throws -> [[String]] {
    Array(try csvLines(name).dropFirst().map(\.fields))
  }

  /// The rows of a simple CSV file as header → field; throws when a row has more or fewer fields
  /// than the header, or the file has no header.
  public func csvRecords(_ name: String) throws -> [[String: String]] {
    let lines = try csvLines(name)
    guard let header = lines.first?.fields else {
      throw FixtureError(file: name, line: 1, message: "no header line")
    }
    guard Set(header).count == header.count else {
      throw FixtureError(file: name, line: lines[0].number, message: "repeated column in \(header)")
    }
    return try lines.dropFirst().map { line in
      guard line.fields.count == header.count else {
        throw FixtureError(
          file: name, line: line.number,
          message: "\(line.fields.count) fields, the header has \(header.count)")
      }
      return Dictionary(uniqueKeysWithValues: zip(header, line.fields))
    }
  }

  private func csvLines(_ name: String) throws -> [(number: Int, fields: [String])] {
    // `\r\n` is one Character, which `isNewline` matches (and `"\n"` does not).
    try text(name).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated()
      .compactMap { index, line in
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        let fields = line.split(separator: ",", omittingEmptySubsequences: false).map {
          $0.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return (index + 1, fields)
      }
  }
}
