import Foundation
import ProtocolFiles
import Testing
import TrialModel

@testable import Eligibility

/// The five seed protocols: every expression compiles, ≥ 80 % of criteria are computable.
@Suite struct SeedProtocolTests {
  static let compiled: [String: CompiledCriteria] = {
    var table: [String: CompiledCriteria] = [:]
    for trial in try! ProtocolLibrary.bundled() { table[trial.id] = try! CriteriaCompiler.compile(trial) }
    return table
  }()

  static func trial(_ id: String) -> CompiledCriteria { compiled[id]! }

  @Test func allFiveCompile() throws {
    #expect(
      Set(Self.compiled.keys) == ["NCT04825496", "NCT05164042", "NCT05270772", "NCT05350787", "NCT07470073"])
    for trial in try ProtocolLibrary.bundled() {
      #expect(throws: Never.self) { try CriteriaCompiler.compile(trial) }
    }
  }

  @Test func atLeastEightyPercentComputable() {
    let counts = Self.compiled.values.map(\.computableCount)
    let computable = counts.map(\.computable).reduce(0, +)
    let total = counts.map(\.total).reduce(0, +)
    #expect(total >= 120)
    #expect(Double(computable) / Double(total) >= 0.8, "\(computable)/\(total)")
  }

  @Test func everyCriterionIsEncoded() throws {
    let protocols = try ProtocolLibrary.bundled()
    #expect(protocols.count == 5)
    for trial in protocols {
      for criterion in trial.criteria.all {
        #expect(criterion.expression != nil || criterion.attestation, "\(trial.id) \(criterion.id)")
      }
    }
  }

  /// An expression error in a protocol file points at file:line:column of the bad token: the
  /// loader records where the expression starts and reports the compiler's error there.
  @Test func loadErrorsPointIntoTheFile() throws {
    let url = BundledProtocols.urls.first { $0.lastPathComponent == "NCT05270772.yaml" }!
    let yaml = try String(contentsOf: url, encoding: .utf8)
      .replacingOccurrences(of: "lifeExpectancy >= 12 weeks", with: "lifeExpectancy >= 12 wekes")
    let lines = yaml.components(separatedBy: "\n")
    let line = lines.firstIndex { $0.contains("12 wekes") }! + 1
    let column = Array(lines[line - 1]).firstIndex(of: "w")! + 1
    do {
      _ = try ProtocolLoader.load(yaml: yaml, file: "NCT05270772.yaml")
      Issue.record("expected an error")
    } catch {
      #expect(error.errors.count == 1)
      #expect(error.errors.first?.field == "criteria.I4.expression")
      #expect(
        error.errors.first?.location == SourceLocation(file: "NCT05270772.yaml", line: line, column: column))
    }
  }
}
