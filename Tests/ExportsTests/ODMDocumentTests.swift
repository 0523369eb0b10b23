import Foundation
import Testing
import TrialConduct

@testable import Exports

@Suite struct ODMDocumentTests {
  @Test func everySubjectEventHasItsAuditRecord() async throws {
    let log = try await SDTMExportTests.demoLog()
    let xml = ODMDocument.xml(log.state, events: log.events)
    // Subject events counted from the log itself: those whose body names a subject, and corrections.
    let corrections = log.events.compactMap { r -> Correction? in
      if case .correction(let c) = r.event.body { return c }
      return nil
    }
    let subjectEvents = log.events.filter { $0.event.body.subject != nil }.count
    let audits = xml.matches(of: /<AuditRecord>/).count
    #expect(audits >= subjectEvents && subjectEvents > 0)
    #expect(audits <= subjectEvents + corrections.count)
    #expect(xml.matches(of: #/<ItemGroupData /#).count == audits)
    #expect(xml.matches(of: #/<SubjectData /#).count == log.state.subjects.count)
    // Every referenced user and location is defined in AdminData.
    let defined = Set(xml.matches(of: #/<(?:User|Location) OID="([^"]+)"/#).map { String($0.1) })
    let referenced = Set(xml.matches(of: #/(?:UserOID|LocationOID)="([^"]+)"/#).map { String($0.1) })
    #expect(!referenced.isEmpty && referenced.isSubset(of: defined))
    // Every item group referenced is defined in MetaDataVersion.
    let groupDefs = Set(xml.matches(of: /<ItemGroupDef OID="([^"]+)"/).map { String($0.1) })
    let groupsUsed = Set(xml.matches(of: /<ItemGroupData ItemGroupOID="([^"]+)"/).map { String($0.1) })
    #expect(!groupsUsed.isEmpty && groupsUsed == groupDefs)
    // Timestamps are ISO 8601 UTC; a correction's reason is its ReasonForChange.
    let stamps = xml.matches(of: /<DateTimeStamp>([^<]+)<\/DateTimeStamp>/).map { String($0.1) }
    #expect(stamps.count == audits)
    #expect(stamps.allSatisfy { $0.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/) != nil })
    #expect(!corrections.isEmpty)
    for c in corrections {
      #expect(xml.contains("<ReasonForChange>\(ODMDocument.escape(c.reason))</ReasonForChange>"))
    }
    // Every audit record says why: first records are initial entries.
    let reasons = xml.matches(of: /<ReasonForChange>([^<]*)<\/ReasonForChange>/).map { String($0.1) }
    #expect(reasons.count == audits && reasons.allSatisfy { !$0.isEmpty })
    #expect(
      reasons.filter { $0 == "Initial entry" }.count >= audits - corrections.count - log.state.subjects.count)
    #expect(xml.hasPrefix("<?xml") && xml.contains("ODMVersion=\"1.3.2\""))
  }

  @Test func textIsEscaped() {
    #expect(ODMDocument.escape("a<b & \"c\">") == "a&lt;b &amp; &quot;c&quot;&gt;")
    // Line breaks survive attribute normalisation as references; XML 1.0 allows no other controls.
    #expect(ODMDocument.escape("line 1\nline 2\tx\u{0}\u{1B}") == "line 1&#10;line 2&#9;x")
  }
}
