import ArgumentParser
import Simulation

/// Parsing of the `oc` command's list options, with errors that name the option and the position.
enum OCInput {
  /// Comma-separated probabilities `p1,…,pK` (values are checked for [0, 1] by ``Scenario``).
  static func probabilities(_ text: String, option: String, index: Int) throws -> [Double] {
    let fields = text.split(separator: ",", omittingEmptySubsequences: false)
    return try fields.enumerated().map { position, field in
      let trimmed = field.trimmingCharacters(in: .whitespaces)
      guard let value = Double(trimmed) else {
        throw ValidationError(
          "\(option) '\(text)': expected comma-separated numbers, found '\(trimmed)' at position "
            + "\(position + 1)")
      }
      return value
    }
  }

  /// `lower,upper` with lower < upper.
  static func interval(_ text: String) throws -> (Double, Double) {
    let values = try probabilities(text, option: "--ei", index: 0)
    guard values.count == 2, values[0] < values[1] else {
      throw ValidationError("--ei '\(text)': expected 'lower,upper' with lower < upper")
    }
    return (values[0], values[1])
  }

  /// A validated scenario; the error names the option.
  static func scenario(_ truth: [Double], target: Double, option: String) throws -> Scenario {
    do {
      return try Scenario(truth: truth, target: target)
    } catch {
      throw CLIError("\(option): \(error.description)")
    }
  }

  /// `A=p1,…;B=q1,…` → truths per group; every group must be given exactly once.
  static func groupTruths(_ text: String, groups: [String]) throws -> [String: [Double]] {
    var result: [String: [Double]] = [:]
    for part in text.split(separator: ";") {
      let pieces = part.split(separator: "=", maxSplits: 1).map {
        $0.trimmingCharacters(in: .whitespaces)
      }
      guard pieces.count == 2, groups.contains(pieces[0]) else {
        throw ValidationError(
          "--truth '\(text)': expected GROUP=p1,…,pK for each of the groups "
            + "\(groups.joined(separator: ", ")) separated by ';', found '\(part)'")
      }
      guard result[pieces[0]] == nil else {
        throw ValidationError("--truth '\(text)': group \(pieces[0]) is given twice")
      }
      result[pieces[0]] = try probabilities(pieces[1], option: "--truth \(pieces[0])", index: 0)
    }
    for group in groups where result[group] == nil {
      throw ValidationError(
        "--truth '\(text)': missing group \(group) (or add --group to evaluate one group)")
    }
    return result
  }
}
