import Foundation
import Inputs
import Testing
import TrialModel

@testable import ProtocolFiles

/// Each broken protocol must yield its own error at the right line and column.
@Suite struct BrokenProtocolTests {
  /// A small valid protocol; line numbers below refer to it.
  static let valid = """
    id: NCT00000001
    title: Test trial
    phase: PHASE1
    status: RECRUITING
    sponsor: Test sponsor
    product: {name: X, source: autologous, targets: [CD19]}
    enrollment: {target: 12}
    ages: {minimum: 18, maximum: 70}
    groups:
      - id: main
        label: Adults
        ages: {minimum: 18, maximum: 70}
        doseLevels:
          - level: 1
            dose: 1.0e6 cells/kg
          - level: 2
            dose: 3.0e6 cells/kg
        startingLevel: 1
        design:
          name: i3+3
          target: 0.3
          equivalenceInterval: [0.25, 0.35]
          cohortSize: 3
          maxSampleSize: 12
          dltWindowDays: 28
    criteria:
      inclusion:
        - id: I1
          text: Age 18 to 70
          expression: "age >= 18 years"
    """

  func errors(_ yaml: String) -> [InputError] {
    do {
      _ = try ProtocolLoader.load(yaml: yaml, file: "broken.yaml")
      return []
    } catch {
      return error.errors
    }
  }

  func replacing(_ old: String, with new: String) -> String {
    precondition(Self.valid.contains(old))
    return Self.valid.replacingOccurrences(of: old, with: new)
  }

  @Test func validProtocolLoads() throws {
    let trial = try ProtocolLoader.load(yaml: Self.valid, file: "ok.yaml")
    #expect(trial.groups[0].doseLevels.count == 2)
    // The expression's location points at its first character, inside the quotes.
    #expect(
      trial.criteria.inclusion[0].expressionLocation == SourceLocation(file: "ok.yaml", line: 30, column: 20))
  }

  @Test func badIndentation() {
    let found = errors(replacing("    label: Adults", with: "   label: Adults"))
    #expect(found.count == 1)
    #expect(found.first?.location?.line == 11)
    #expect(found.first?.kind == .malformed)
    #expect(found.first?.expected.contains("well-formed YAML") == true)
  }

  @Test func unknownKey() {
    let found = errors(replacing("    label: Adults", with: "    label: Adults\n    colour: blue"))
    #expect(found.count == 1)
    #expect(found.first?.location == SourceLocation(file: "broken.yaml", line: 12, column: 5))
    #expect(found.first?.field == "groups[0].colour")
    #expect(found.first?.kind == .unknownField)
    #expect(found.first?.expected.contains("keys in use here: ages, design, doseLevels, id, label") == true)
  }

  @Test func decreasingDoses() {
    let found = errors(replacing("dose: 3.0e6 cells/kg", with: "dose: 0.5e6 cells/kg"))
    #expect(found.count == 1)
    #expect(found.first?.location == SourceLocation(file: "broken.yaml", line: 17, column: 15))
    #expect(found.first?.field == "groups[0].doseLevels[1].dose")
    #expect(found.first?.kind == .invalidValue)
    #expect(found.first?.expected.contains("strictly increasing") == true)
    #expect(found.first?.found == "500000 cells/kg")
  }

  @Test func targetOutsideUnitInterval() {
    let found = errors(replacing("target: 0.3", with: "target: 1.2"))
    #expect(
      found.contains {
        $0.location == SourceLocation(file: "broken.yaml", line: 21, column: 15)
          && $0.message.contains("between 0 and 1")
      })
    #expect(found.allSatisfy { $0.field.hasPrefix("groups[0].design") })
  }

  @Test func missingUnit() {
    let found = errors(replacing("dose: 1.0e6 cells/kg", with: "dose: 1.0e6"))
    #expect(found.count == 1)
    #expect(found.first?.location == SourceLocation(file: "broken.yaml", line: 15, column: 15))
    #expect(found.first?.field == "groups[0].doseLevels[0].dose")
    #expect(found.first?.found == "'1000000.0' with no unit")
  }

  @Test func unknownUnit() {
    let found = errors(replacing("dose: 1.0e6 cells/kg", with: "dose: 1.0e6 cells/lb"))
    #expect(found.first?.location?.line == 15)
    #expect(found.first?.expected.contains("a number and a known unit") == true)
    #expect(found.first?.found == "'1.0e6 cells/lb'")
  }

  @Test func missingRequiredKeyPointsAtItsParent() {
    let found = errors(replacing("    startingLevel: 1\n", with: ""))
    #expect(found.count == 1)
    #expect(found.first?.kind == .missing)
    #expect(found.first?.field == "groups[0].startingLevel")
    #expect(found.first?.found == "nothing")
    #expect(found.first?.location?.line == 10)
  }

  @Test func startingLevelMustExistAndIntervalMustContainTarget() {
    let found = errors(
      replacing("startingLevel: 1", with: "startingLevel: 4").replacingOccurrences(
        of: "[0.25, 0.35]", with: "[0.31, 0.35]"))
    #expect(found.count == 2)
    #expect(
      found.contains {
        $0.field == "groups[0].startingLevel" && $0.location?.line == 18 && $0.kind == .notFound
      })
    #expect(found.contains { $0.field == "groups[0].design.equivalenceInterval" && $0.location?.line == 22 })
  }

  @Test func wrongTypeNamesWhatWasFound() {
    let found = errors(replacing("cohortSize: 3", with: "cohortSize: three"))
    #expect(found.first?.location?.line == 23)
    #expect(found.first?.expected == "a whole number")
    #expect(found.first?.found == "'three'")
  }

  @Test func descriptionIsFileLineColumn() {
    let found = errors(replacing("target: 0.3", with: "target: 1.2"))
    #expect(found.first?.description.hasPrefix("broken.yaml:21:15: groups[0].design.target:") == true)
  }
}

@Suite struct ProtocolFileNameTests {
  /// Errors name the file as the user wrote it, not its absolute path.
  @Test func errorsUseTheDisplayName() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cartrial-\(UUID().uuidString).yaml")
    try BrokenProtocolTests.valid.replacingOccurrences(of: "target: 0.3", with: "target: 1.2")
      .write(to: url, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: url) }
    do {
      _ = try ProtocolLoader.load(contentsOf: url, displayName: "trials/my-trial.yaml")
      Issue.record("expected an error")
    } catch {
      #expect(
        error.errors.first?.location == SourceLocation(file: "trials/my-trial.yaml", line: 21, column: 15))
    }
  }
}
