import TrialConduct

/// What a role may see and do in the server. Which conduct command a role may give is the
/// conduct core's own table (`ConductCommand.permittedRoles`); this table says who may read what,
/// and who may record at all. The README's permission table is this one.
public enum Permission: String, CaseIterable, Sendable {
  /// The trial list and each trial's dashboard: groups, levels with patients and DLTs, cohorts, the
  /// design's recommendation.
  case viewTrials
  /// Subjects: their ids on the dashboard, their pages, timelines and screening records.
  /// Coordinators and investigators see only their own site's.
  case viewSubjects
  /// Decision tables and operating characteristics.
  case viewDesigns
  /// Screening a patient record against a protocol without a trial (`POST
  /// /api/v1/protocols/{protocol}/screen`): nothing is stored, but the record is patient data, so
  /// only those who screen patients (and administrators) may.
  case screenPatients
  /// The trial report.
  case viewReports
  /// The audit log, its chain and checkpoint status (site-bound roles: their site's subjects).
  case viewAudit
  /// Conduct commands, as far as the conduct core permits the role.
  case record
  /// Open trials on a protocol.
  case openTrials
  /// Users, roles and sites.
  case manageUsers
  /// Import ClinicalTrials.gov records into the local registry (searching it is public).
  case importRegistry
  /// The site's inbox of visitors' contact requests: only the staff of the site they were sent to
  /// (coordinators and investigators), no sponsor-wide role.
  case readContactRequests
}

/// The permission table.
public enum Permissions {
  /// Each role's permissions: monitors read everything and write nothing; statisticians see
  /// designs, dashboards and reports but no subject or patient data.
  public static let table: [Role: Set<Permission>] = [
    .administrator: [
      .viewTrials, .viewSubjects, .viewDesigns, .screenPatients, .viewReports, .viewAudit, .record,
      .openTrials,
      .manageUsers, .importRegistry,
    ],
    .investigator: [
      .viewTrials, .viewSubjects, .viewDesigns, .screenPatients, .viewAudit, .record, .readContactRequests,
    ],
    .coordinator: [
      .viewTrials, .viewSubjects, .viewDesigns, .screenPatients, .viewAudit, .record, .readContactRequests,
    ],
    .safetyReviewer: [.viewTrials, .viewSubjects, .viewDesigns, .viewReports, .viewAudit, .record],
    .monitor: [.viewTrials, .viewSubjects, .viewDesigns, .viewReports, .viewAudit],
    .statistician: [.viewTrials, .viewDesigns, .viewReports],
    .system: [],
  ]

  /// Whether `role` has `permission`.
  public static func allows(_ role: Role, _ permission: Permission) -> Bool {
    table[role, default: []].contains(permission)
  }

  /// Coordinators and investigators work at one site and see and write only its subjects.
  public static func isSiteBound(_ role: Role) -> Bool { role == .coordinator || role == .investigator }

  /// The roles a person can be given (not `system`).
  public static let assignableRoles: [Role] = [
    .coordinator, .investigator, .safetyReviewer, .monitor, .statistician, .administrator,
  ]
}
