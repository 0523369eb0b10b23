import Eligibility
import Foundation
import Registry
import Testing
import TrialModel

/// The suggester on every criterion line of the 1,527 real ClinicalTrials.gov records of the
/// reference corpus: deterministic, never failing, and every suggestion compiles.
@Suite struct SuggestCorpusTests {
  static let corpus = URL(fileURLWithPath: "/work/shared/reference/registry/corpus", isDirectory: true)

  /// Criterion lines of a record's `eligibilityCriteria`, split simply at line breaks and bullets,
  /// marked exclusion after an "Exclusion Criteria" heading.
  static func lines(_ criteria: String) -> [(text: String, isExclusion: Bool)] {
    var result: [(String, Bool)] = []
    var isExclusion = false
    for raw in criteria.components(separatedBy: "\n") {
      var line = raw.trimmingCharacters(in: .whitespaces)
      let lower = line.lowercased()
      if lower.contains("exclusion criteria") {
        isExclusion = true
        continue
      }
      if lower.contains("inclusion criteria") {
        isExclusion = false
        continue
      }
      while let first = line.first, "*-•".contains(first) {
        line = String(line.dropFirst()).trimmingCharacters(in: .whitespaces)
      }
      if !line.isEmpty { result.append((line, isExclusion)) }
    }
    return result
  }

  @Test func deterministicAndCompilingOnTheCorpus() throws {
    let files = try FileManager.default.contentsOfDirectory(at: Self.corpus, includingPropertiesForKeys: nil)
      .filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }
    #expect(files.count == 1527)
    let suggester = CriteriaSuggester()
    var lineCount = 0
    var suggested = 0
    var perRule: [String: Int] = [:]
    var examples: [String: [String]] = [:]
    for file in files {
      let json = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
      let section = json?["protocolSection"] as? [String: Any]
      let eligibility = section?["eligibilityModule"] as? [String: Any]
      guard let criteria = eligibility?["eligibilityCriteria"] as? String else { continue }
      for (text, isExclusion) in Self.lines(criteria) {
        lineCount += 1
        let first = suggester.suggest(text, isExclusion: isExclusion)
        let second = suggester.suggest(text, isExclusion: isExclusion)
        #expect(first == second, "not deterministic: \(text)")
        guard let suggestion = first else { continue }
        suggested += 1
        perRule[suggestion.rule, default: 0] += 1
        if examples[suggestion.rule, default: []].count < 4 {
          examples[suggestion.rule, default: []].append(
            "\(file.deletingPathExtension().lastPathComponent) \(isExclusion ? "E" : "I") \"\(text)\" → \(suggestion.expression)"
          )
        }
        let criterion = Criterion(
          id: "C", text: text, kind: isExclusion ? .exclusion : .inclusion, expression: suggestion.expression)
        #expect(throws: Never.self, "\(text) → \(suggestion.expression)") {
          _ = try CriteriaCompiler.compile(protocolID: "corpus", criteria: [criterion])
        }
      }
    }
    #expect(lineCount > 10_000)
    #expect(suggested > 0)
    print("SUGGEST corpus: \(files.count) records, \(lineCount) criterion lines, \(suggested) suggested")
    for (rule, count) in perRule.sorted(by: { $0.key < $1.key }) {
      print("SUGGEST   rule \(rule): \(count)")
      for example in examples[rule] ?? [] { print("SUGGEST     " + example) }
    }
  }
}
