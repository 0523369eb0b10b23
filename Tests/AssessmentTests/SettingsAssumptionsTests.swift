import Testing
import TrialModel

@testable import Assessment

/// The assumed settings of grading, DLT and response, built in the library in the one
/// `{setting, value, assumption}` shape.
struct SettingsAssumptionsTests {
  /// Every assumed response setting is listed, not only those assumed by default: a protocol that
  /// assumes its durability was silently left out when the CLI picked four settings by hand.
  @Test func everyAssumedResponseSettingIsListed() {
    var settings = ResponseSettings()
    settings.durabilityDays = Assumed(42, assumption: "protocol draft: 6 weeks")
    settings.ancComparison = Assumed(.atLeast)  // stated: not listed
    let window = settings.window(endpointWindowDays: Assumed(90, assumption: "3 months"))
    let listed = settings.assumptions(window: window)
    #expect(
      listed.map(\.setting) == [
        "response.windowDays", "response.plateletComparison", "response.relapseMarrowBlastsPercent",
        "response.mrdNegativeBelow", "response.durabilityDays",
      ])
    #expect(listed.first == Assumption(setting: "response.windowDays", value: "90", assumption: "3 months"))
    #expect(listed.last?.value == "42")
    #expect(listed.first { $0.setting == "response.mrdNegativeBelow" }?.value == "1.0e-4")
    #expect(listed.first { $0.setting == "response.plateletComparison" }?.value == ">")
  }

  @Test func responseWindowPrefersTheSettingsThenTheEndpoint() {
    var settings = ResponseSettings()
    #expect(settings.window(endpointWindowDays: nil) == ResponseSettings.defaultWindowDays)
    #expect(settings.window(endpointWindowDays: Assumed(60)).value == 60)
    settings.windowDays = Assumed(30)
    #expect(settings.window(endpointWindowDays: Assumed(60)).value == 30)
    #expect(
      settings.assumptions(window: settings.window(endpointWindowDays: nil)).first?.setting
        != "response.windowDays")
  }

  @Test func dltListsTheWindowThenEachAssumedRule() {
    let settings = DLTSettings()
    let window = settings.window(designWindowDays: nil)
    #expect(window == DLTSettings.defaultWindowDays)
    let listed = settings.assumptions(window: window)
    #expect(listed.first?.setting == "dlt.windowDays" && listed.first?.value == "28")
    #expect(listed.dropFirst().map(\.setting) == DLTRule.defaultSet.map(\.id))
    #expect(listed.dropFirst().map(\.value) == DLTRule.defaultSet.map(\.description))
    let stated = DLTSettings(windowDays: Assumed(21), rules: [])
    #expect(stated.assumptions(window: stated.window(designWindowDays: Assumed(35, assumption: "x"))).isEmpty)
  }

  @Test func crsListsTheHypotensionThresholdsActuallyUsed() {
    var settings = CRSSettings()
    settings.feverThresholdCelsius = Assumed(38.3, assumption: "protocol uses 38.3 °C")
    let noPressure = settings.assumptions(for: CRSObservation(temperatureCelsius: 39))
    #expect(
      noPressure == [
        Assumption(setting: "crs.feverThresholdCelsius", value: "38.3", assumption: "protocol uses 38.3 °C")
      ])
    let unknownAge = settings.assumptions(
      for: CRSObservation(temperatureCelsius: nil, systolicBloodPressure: 85))
    #expect(unknownAge.map(\.setting) == ["crs.feverThresholdCelsius", "crs.adultHypotensionSystolicBelow"])
    let adult = settings.assumptions(
      for: CRSObservation(temperatureCelsius: nil, systolicBloodPressure: 85, ageYears: 40))
    #expect(
      adult.map(\.setting) == [
        "crs.feverThresholdCelsius", "crs.hypotensionAdultFromAgeYears", "crs.adultHypotensionSystolicBelow",
      ])
  }

  @Test func icansListsTheCAPDCutOff() {
    #expect(ICANSSettings().assumptions.map(\.setting) == ["icans.capdBelowAgeYears"])
    let stated = ICANSSettings(capdBelowAgeYears: Assumed(13), capdGrade3Minimum: Assumed(8, assumption: "y"))
    #expect(
      stated.assumptions == [Assumption(setting: "icans.capdGrade3Minimum", value: "8", assumption: "y")])
  }
}
