import Analysis
import Inputs

extension SubjectRecord {
  /// The columns of a subjects file: `subject` and `infusion_date` are required.
  public static let requiredColumns = ["subject", "infusion_date"]
  /// The optional columns of a subjects file; any other column is an error.
  public static let optionalColumns = [
    "group", "dose_level", "enrolment_date", "best_response", "response_date", "relapse_date", "death_date",
    "death_cause", "hsct_date", "last_assessment_date", "last_alive_date", "dlt",
  ]

  /// How `death_cause` is spelt.
  enum DeathCause: String, InputEnumeration {
    case disease, other
  }

  /// Reads a subjects file (one row per infused subject; dates YYYY-MM-DD, empty cells for "did
  /// not happen / unknown"; the columns are ``requiredColumns`` and ``optionalColumns``).
  ///
  /// `response_date` is the first CR/CRi for responders and the assessment closing the response
  /// window for the others; it is required with any best response but NE, because a
  /// non-responder without it would silently be censored for EFS instead of counting as a
  /// treatment failure.
  /// - Throws: ``InputError`` at the field, its field the column name.
  public static func records(from table: CSVTable) throws(InputError) -> [SubjectRecord] {
    try table.check(required: requiredColumns, allowed: optionalColumns)
    var seen: [String: Int] = [:]
    var records: [SubjectRecord] = []
    for row in table.rows {
      let id = table.string(row, "subject")
      guard !id.isEmpty else {
        throw table.error(row, "subject", expected: "a subject identifier", kind: .missing)
      }
      if let line = seen[id] {
        throw table.error(
          row, "subject", expected: "each subject once (\(id) is already on line \(line))", kind: .conflict)
      }
      seen[id] = row.line
      let response = try table.value(row, "best_response", as: RecordedResponse.self)
      let cause = try table.value(row, "death_cause", as: DeathCause.self)
      let responseDate = try table.date(row, "response_date")
      if let response, response != .notEvaluable, responseDate == nil {
        let which = response.isRemission ? "the first CR/CRi" : "the assessment closing the response window"
        throw table.error(
          row, "response_date", expected: "the date of \(which) with best_response \(response.rawValue)",
          kind: .missing)
      }
      guard let infusion = try table.date(row, "infusion_date") else {
        throw table.error(row, "infusion_date", expected: "the infusion date YYYY-MM-DD", kind: .missing)
      }
      let course = SubjectCourse(
        subject: id, enrolment: try table.date(row, "enrolment_date"), infusion: infusion,
        firstResponse: response?.isRemission == true ? responseDate : nil, responseAssessment: responseDate,
        relapse: try table.date(row, "relapse_date"), death: try table.date(row, "death_date"),
        deathDueToDisease: cause.map { $0 == .disease }, transplant: try table.date(row, "hsct_date"),
        lastAssessment: try table.date(row, "last_assessment_date"),
        lastKnownAlive: try table.date(row, "last_alive_date"))
      let group = table.string(row, "group")
      records.append(
        SubjectRecord(
          course: course, group: group.isEmpty ? nil : group, doseLevel: try table.integer(row, "dose_level"),
          bestResponse: response, dlt: try table.optionalFlag(row, "dlt"),
          location: SourceLocation(file: table.file, line: row.line, column: 1)))
    }
    return records
  }
}
