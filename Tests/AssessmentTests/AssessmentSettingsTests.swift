import Foundation
import ProtocolFiles
import Testing
import TrialModel

@testable import Assessment

/// The protocol file's `assessment:` section: omitted fields keep the published defaults (with
/// their assumptions), stated fields override them, misspelt keys are rejected by the loader.
struct AssessmentSettingsTests {
  static func seedYAML() throws -> String {
    let url = try #require(BundledProtocols.urls.first { $0.lastPathComponent == "NCT05350787.yaml" })
    return try String(contentsOf: url, encoding: .utf8)
  }

  @Test func statedFieldsOverrideAndOmittedOnesKeepTheirAssumedDefaults() throws {
    let overrides = """

      assessment:
        icans:
          capdBelowAgeYears: 13
        response:
          ancComparison: ">="
          windowDays: {value: 60, assumption: "test window"}
      """
    let base = try Self.seedYAML()
    let yaml = String(base[..<base.range(of: "\nassessment:")!.lowerBound]) + overrides
    let trial = try ProtocolLoader.load(yaml: yaml, file: "test.yaml")
    let settings = trial.assessment
    #expect(
      settings.icans.capdBelowAgeYears.value == 13 && settings.icans.capdBelowAgeYears.assumption == nil)
    #expect(settings.response.ancComparison.value == .atLeast)
    #expect(settings.response.plateletComparison.value == .greaterThan)
    #expect(settings.response.plateletComparison.assumption?.contains("[R]") == true)
    #expect(settings.response.windowDays?.value == 60)
    #expect(settings.dlt.rules == DLTRule.defaultSet)
    #expect(settings.crs.feverThresholdCelsius.value == 38)
  }

  @Test func misspeltKeysAreRejected() throws {
    let base = try Self.seedYAML()
    let yaml =
      String(base[..<base.range(of: "\nassessment:")!.lowerBound])
      + "\nassessment:\n  response:\n    ancComparision: \">=\"\n"
    #expect {
      try ProtocolLoader.load(yaml: yaml, file: "test.yaml")
    } throws: { error in
      "\(error)".contains("ancComparision")
    }
  }
}
