/// One patient screened against one or more protocols: whose screening, on which date, and the
/// report of each protocol — the answer of `screen` (one JSON object per patient, one NDJSON
/// line per patient of a batch).
public struct PatientScreening: Sendable, Hashable, Codable {
  /// The record's line in a batch (NDJSON), `nil` for a single record.
  public var line: Int?
  /// The patient's id (the record's `id`), if the record has one.
  public var patient: String?
  /// The screening date the criteria were evaluated on.
  public var screeningDate: CivilDate?
  /// One report per protocol: eligible first, then pending attestation, incomplete, ineligible;
  /// ties by protocol id.
  public var results: [ScreeningReport]

  public init(line: Int? = nil, patient: String?, screeningDate: CivilDate?, results: [ScreeningReport]) {
    self.line = line
    self.patient = patient
    self.screeningDate = screeningDate
    self.results = results
  }

  /// Screens `record` against every protocol of `criteria`, results in status order.
  public init(_ record: PatientRecord, against criteria: [CompiledCriteria], line: Int? = nil) {
    self.init(
      line: line, patient: record.id, screeningDate: record.screeningDate,
      results: Self.sorted(criteria.map { $0.screen(record) }))
  }

  /// Eligible first, then pending attestation, incomplete, ineligible; ties by protocol id.
  public static func sorted(_ reports: [ScreeningReport]) -> [ScreeningReport] {
    reports.sorted { ($0.status.rank, $0.protocolID) < ($1.status.rank, $1.protocolID) }
  }
}
