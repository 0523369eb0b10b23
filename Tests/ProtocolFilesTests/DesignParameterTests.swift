import Foundation
import Inputs
import Testing
import TrialModel

@testable import ProtocolFiles

/// A protocol file states any parameter of its design; the design registry checks them when the
/// file is loaded, and every error points at the parameter's line and column.
@Suite struct DesignParameterTests {
  /// The valid protocol with its design's name, target and EI lines (lines 20–22) replaced by
  /// `design`'s lines, each indented as a key of `design:`.
  static func protocolText(design: String) -> String {
    let lines = design.split(separator: "\n").map { "      " + $0.trimmingCharacters(in: .whitespaces) }
    return BrokenProtocolTests.valid.replacingOccurrences(
      of: "      name: i3+3\n      target: 0.3\n      equivalenceInterval: [0.25, 0.35]",
      with: lines.joined(separator: "\n"))
  }

  func errors(_ design: String) -> [InputError] {
    do {
      _ = try ProtocolLoader.load(yaml: Self.protocolText(design: design), file: "p.yaml")
      return []
    } catch { return error.errors }
  }

  @Test func everyBOINParameterCanBeStated() throws {
    let text = Self.protocolText(
      design: """
            name: boin
            target: 0.3
            phi1: 0.2
            phi2: {value: 0.4, assumption: "a narrower band than BOIN's default"}
            eliminationCutoff: 0.9
            earlyStop: 9
            extraSafeOffset: 0.05
            boundMTD: true
        """)
    let trial = try ProtocolLoader.load(yaml: text, file: "p.yaml")
    let settings = trial.groups[0].design.settings
    #expect(settings["phi1"]?.value == .number(0.2))
    #expect(settings["phi2"]?.assumption == "a narrower band than BOIN's default")
    #expect(settings["boundMTD"]?.value == .flag(true))
    #expect(settings.count == 6)
  }

  @Test func badParameterValueIsLocated() throws {
    let found = errors(
      """
            name: boin
            target: 0.3
            phi1: 0.35
      """)
    let error = try #require(found.first)
    #expect(found.count == 1)
    #expect(error.field == "groups[0].design.phi1")
    #expect(error.expected == "0 < φ1 < target 0.3")
    #expect(error.location?.line == 22)
    #expect(error.location?.column == 13)
  }

  @Test func parameterOfAnotherDesignIsAnUnknownField() throws {
    let found = errors(
      """
            name: boin
            target: 0.3
            skeleton: [0.1, 0.2]
      """)
    let error = try #require(found.first)
    #expect(error.kind == .unknownField)
    #expect(error.field == "groups[0].design.skeleton")
    #expect(error.expected.contains("phi1") && error.expected.contains("earlyStop"))
    #expect(error.location?.line == 22)
  }

  @Test func unknownDesignListsTheRegistry() throws {
    let found = errors(
      """
            name: tpi
            target: 0.3
      """)
    let error = try #require(found.first)
    #expect(error.field == "groups[0].design.name")
    #expect(error.expected == "one of 3+3, i3+3, boin, mtpi2, crm")
    #expect(error.location?.line == 20)
  }

  @Test func crmSkeletonIsCheckedAgainstTheLevels() throws {
    let found = errors(
      """
            name: crm
            target: 0.3
            skeleton: [0.1, 0.2, 0.3]
      """)
    #expect(found.first?.field == "groups[0].design.skeleton")
    #expect(found.first?.expected == "2 values (one per dose)")
  }
}
