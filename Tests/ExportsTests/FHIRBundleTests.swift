import Foundation
import Testing
import TrialConduct

@testable import Exports

@Suite struct FHIRBundleTests {
  /// FHIR R4 value set research-subject-status (hl7.org/fhir/R4/valueset-research-subject-status.html).
  static let subjectStatuses: Set<String> = [
    "candidate", "eligible", "follow-up", "ineligible", "not-registered", "off-study", "on-study",
    "on-study-intervention", "on-study-observation", "pending-on-study", "potential-candidate", "screening",
    "withdrawn",
  ]

  @Test func theBundleIsPseudonymousAndItsReferencesResolve() async throws {
    let state = try await SDTMExportTests.demoState()
    let text = try FHIRBundle.json(state)
    let bundle = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    #expect(bundle["resourceType"] as? String == "Bundle" && bundle["type"] as? String == "collection")
    let entries = try #require(bundle["entry"] as? [[String: Any]])
    let resources = entries.compactMap { $0["resource"] as? [String: Any] }
    let urls = Set(entries.compactMap { $0["fullUrl"] as? String })
    #expect(urls.count == entries.count && resources.count == entries.count)
    func of(_ type: String) -> [[String: Any]] { resources.filter { $0["resourceType"] as? String == type } }
    #expect(of("ResearchStudy").count == 1)
    #expect(of("Patient").count == state.subjects.count && !state.subjects.isEmpty)
    #expect(of("ResearchSubject").count == state.subjects.count)
    #expect(of("Patient").allSatisfy { $0["name"] == nil && $0["birthDate"] == nil })
    let ids = resources.compactMap { $0["id"] as? String }
    #expect(
      ids.count == resources.count && ids.allSatisfy { $0.wholeMatch(of: /[A-Za-z0-9\-\.]{1,64}/) != nil })
    for rs in of("ResearchSubject") {
      #expect(Self.subjectStatuses.contains(rs["status"] as? String ?? ""))
      for key in ["study", "individual"] {
        #expect(urls.contains((rs[key] as? [String: Any])?["reference"] as? String ?? ""))
      }
    }
    // Infused subjects have an actual arm; the arms are the study's.
    let armNames = Set(
      ((of("ResearchStudy")[0]["arm"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String })
    let actual = of("ResearchSubject").compactMap { $0["actualArm"] as? String }
    #expect(actual.count == state.subjects.values.filter { $0.infusion != nil }.count && !actual.isEmpty)
    #expect(actual.allSatisfy(armNames.contains))
    let observations = of("Observation")
    #expect(!observations.isEmpty)
    for o in observations {
      #expect((1...5).contains(o["valueInteger"] as? Int ?? 0))
      #expect(urls.contains((o["subject"] as? [String: Any])?["reference"] as? String ?? ""))
    }
  }
}
