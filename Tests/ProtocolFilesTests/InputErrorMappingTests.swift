import Foundation
import Inputs
import Testing
import TrialModel

@testable import ProtocolFiles

/// Problems that were free text before `InputError` now carry a kind, the field, and what was
/// expected and found.
@Suite struct InputErrorMappingTests {
  private let broken = BrokenProtocolTests()

  /// An enumerated value lists every allowed spelling (before: "Cannot initialize TrialPhase …").
  @Test func unknownPhaseListsTheRegistryPhases() {
    let found = broken.errors(broken.replacing("phase: PHASE1", with: "phase: PHASE9"))
    #expect(found.count == 1)
    #expect(found.first?.kind == .invalidValue)
    #expect(found.first?.field == "phase")
    #expect(found.first?.expected == "one of EARLY_PHASE1, PHASE1, PHASE1_PHASE2, PHASE2")
    #expect(found.first?.found == "\"PHASE9\"")
    #expect(found.first?.location == SourceLocation(file: "broken.yaml", line: 3, column: 8))
  }

  /// Enumerated values are read in any case, like design names.
  @Test func enumeratedValuesIgnoreCase() throws {
    let trial = try ProtocolLoader.load(
      yaml: broken.replacing("status: RECRUITING", with: "status: recruiting"), file: "ok.yaml")
    #expect(trial.status == .recruiting)
  }

  @Test func expressionErrorIsAnInputErrorOfTheCriterionsExpression() {
    let found = broken.errors(broken.replacing("\"age >= 18 years\"", with: "\"age >= >= 18 years\""))
    #expect(found.count == 1)
    #expect(found.first?.kind == .invalidValue)
    #expect(found.first?.field == "criteria.I1.expression")
    #expect(found.first?.expected == "a value, a name or '('")
    // Line 30, column 20 is the expression's first character; the second `>=` is 7 further on.
    #expect(found.first?.location == SourceLocation(file: "broken.yaml", line: 30, column: 27))
  }

  @Test func expressionErrorWithoutExpectedFoundKeepsTheCompilersWords() {
    let found = broken.errors(broken.replacing("\"age >= 18 years\"", with: "\"agee >= 18 years\""))
    #expect(found.first?.field == "criteria.I1.expression")
    #expect(found.first?.expected == "a criteria expression that compiles")
    #expect(found.first?.found.hasPrefix("unknown name 'agee'") == true)
  }

  @Test func duplicateGroupIdIsAConflict() {
    let yaml = BrokenProtocolTests.valid
    let twice = yaml.replacingOccurrences(
      of: "criteria:",
      with: yaml[yaml.range(of: "  - id: main")!.lowerBound..<yaml.range(of: "criteria:")!.lowerBound]
        + "criteria:")
    let found = broken.errors(twice)
    #expect(
      found.contains {
        $0.kind == .conflict && $0.field == "groups[1].id" && $0.found == "'main', already used"
      })
  }

  @Test func yamlSyntaxErrorIsMalformed() {
    let found = broken.errors("id: [NCT00000001\ntitle: x\n")
    #expect(found.count == 1)
    #expect(found.first?.kind == .malformed)
    #expect(found.first?.location?.file == "broken.yaml")
  }

  @Test func missingFileIsNotFound() {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cartrial-\(UUID().uuidString).yaml")
    #expect(
      throws: InputErrors([
        InputError(.notFound, field: "", expected: "a protocol file", found: "no file 'trials/none.yaml'")
      ])
    ) { try ProtocolLoader.load(contentsOf: path, displayName: "trials/none.yaml") }
  }

  /// A file path that is not a bundled id loads the file, and its errors name the path as given.
  @Test func libraryLoadsAFileByPath() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cartrial-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let good = directory.appendingPathComponent("good.yaml")
    try BrokenProtocolTests.valid.write(to: good, atomically: true, encoding: .utf8)
    #expect(try ProtocolLibrary.load(good.path).id == "NCT00000001")
    let bad = directory.appendingPathComponent("bad.yaml")
    try broken.replacing("target: 0.3", with: "target: 1.2").write(to: bad, atomically: true, encoding: .utf8)
    do {
      _ = try ProtocolLibrary.load(bad.path)
      Issue.record("expected an error")
    } catch {
      #expect(error.errors.first?.location == SourceLocation(file: bad.path, line: 21, column: 15))
    }
  }
}
