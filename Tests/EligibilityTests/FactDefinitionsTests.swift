import Foundation
import Testing

@testable import Eligibility

/// The README's "Facts a recorder fills in" is the code's `BooleanFact.definition` for every
/// `conditions` key: no fact without a definition, no row for a fact that does not exist.
@Test func readmeDefinesEveryConditionFact() throws {
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
  let start = try #require(readme.range(of: "| `conditions` key | what the recorder fills in"))
  let section = readme[start.lowerBound...]
  let rows = section.split(separator: "\n").prefix { $0.hasPrefix("|") }.dropFirst(2)  // header, rule
  let documented = rows.map(String.init)
  let expected = BooleanFact.conditionDefinitions.map { "| `\($0.key)` | \($0.definition) |" }
  #expect(expected.count > 30)
  #expect(documented == expected)
  for missing in expected where !documented.contains(missing) { Issue.record("README lacks: \(missing)") }
  for extra in documented where !expected.contains(extra) {
    Issue.record("README has no such fact: \(extra)")
  }
}
