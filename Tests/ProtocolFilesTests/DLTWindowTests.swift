import Inputs
import ProtocolFiles
import Testing
import TrialModel

@Suite struct DLTWindowTests {
  @Test func sharedWindowNeedsNoGroup() throws {
    let trial = try ProtocolLibrary.load("NCT07470073")
    #expect(try trial.designDLTWindow(group: nil)?.value == 28)
    #expect(try trial.designDLTWindow(group: trial.groups[1])?.value == 28)
  }

  @Test func differentWindowsNeedAGroup() throws {
    var trial = try ProtocolLibrary.load("NCT07470073")
    trial.groups[1].design.dltWindowDays = Assumed(21)
    let error = #expect(throws: InputError.self) { try trial.designDLTWindow(group: nil) }
    #expect(error?.field == "group")
    #expect(error?.kind == .missing)
    #expect(error?.expected.contains("A: 28 days, B: 21 days") == true)
    #expect(try trial.designDLTWindow(group: trial.groups[1])?.value == 21)
  }
}

/// One response window for `response` and `report` (issue 10 review: they disagreed).
@Suite struct ResponseWindowTests {
  @Test func assessmentSettingThenEndpointThenDefault() throws {
    var trial = try ProtocolLibrary.load("NCT07470073")
    let endpoint = try #require(trial.endpoints.first { $0.measure == .orr }?.windowDays?.value)
    #expect(trial.responseWindow.value == endpoint)
    trial.assessment.response.windowDays = Assumed(28)
    #expect(trial.responseWindow.value == 28)
    trial.assessment.response.windowDays = nil
    trial.endpoints.removeAll { $0.measure == .orr }
    #expect(trial.responseWindow == ResponseSettings.defaultWindowDays)
    #expect(trial.responseWindow.value == 91)
  }
}
