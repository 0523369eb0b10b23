import TrialConduct

/// A trial's data in a standard format, as files: the one place the CLI and the server get
/// exports from.
public enum TrialExport {
  /// The formats: CDISC SDTM (one CSV per domain and `define.csv`), HL7 FHIR R4 (a JSON Bundle), CDISC ODM 1.3.2
  /// (XML with the audit trail).
  public enum Format: String, Sendable, CaseIterable {
    case sdtm, fhir, odm
  }

  /// One file of an export.
  public struct File: Sendable, Hashable {
    public var name: String
    public var mediaType: String
    public var text: String
  }

  /// The files of `format` for the trial `log`, with only the subjects of `state` (already
  /// restricted to what the user may see, ``TrialState/restricted(toSites:)``).
  public static func files(_ format: Format, state: TrialState, events: [RecordedEvent]) throws -> [File] {
    switch format {
    case .sdtm:
      let datasets = SDTMExport.datasets(state)
      return (datasets + [SDTMDefine.metadata(datasets)]).map {
        File(name: "\($0.domain.lowercased()).csv", mediaType: "text/csv; charset=utf-8", text: $0.csv)
      }
    case .fhir:
      return [
        File(
          name: "\(state.trial)-fhir.json", mediaType: "application/fhir+json",
          text: try FHIRBundle.json(state))
      ]
    case .odm:
      // Only the events of the subjects kept (and the trial's own), so that no other site's
      // users or locations are named either.
      let kept = events.filter { e in
        let i = e.sequence - 1
        guard i >= 0, i < state.eventSubjects.count, let subject = state.eventSubjects[i] else { return true }
        return state.subjects[subject] != nil
      }
      return [
        File(
          name: "\(state.trial)-odm.xml", mediaType: "application/xml",
          text: ODMDocument.xml(state, events: kept))
      ]
    }
  }
}
