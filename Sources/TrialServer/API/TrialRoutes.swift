import Foundation
import HTTPTypes
import Hummingbird
import Inputs
import ProtocolFiles
import Reports
import TrialConduct
import TrialModel
import TrialStore

/// `/api/v1/protocols` and `/api/v1/trials…`: reading trials (scoped to what the user may see),
/// opening trials, the audit log, verification, checkpoints and the report.
extension WebApp {
  struct TrialListing: Encodable {
    var trial: String
    var `protocol`: String
    var title: String
    var events: Int
    var groups: [String]
  }

  struct ProtocolListing: Encodable {
    var id: String
    var title: String
  }

  func addTrialRoutes(to router: Router<ServerContext>) {
    router.get("/api/v1/protocols") { _, context -> Response in
      _ = try context.require(.viewTrials)
      return try Self.json(try Self.bundledProtocols())
    }
    router.get("/api/v1/trials") { _, context -> Response in
      _ = try context.require(.viewTrials)
      return try Self.json(try await trialListings())
    }
    router.post("/api/v1/trials") { request, context -> Response in
      let user = try context.require(.openTrials)
      let fields = try JSONCommandFields(
        try await Self.body(request, context: context), fields: ["protocol", "protocolText", "trial"])
      let text = try Self.protocolText(
        bundled: try fields.string("protocol"), text: try fields.string("protocolText"))
      let log = try await ledger.open(trial: try fields.string("trial"), protocolText: text, by: user.actor)
      return try Self.json(
        Viewer(user: user).scoped(TrialOverview(log.state, asOf: ledger.today)), status: .created)
    }
    router.get("/api/v1/trials/:trial") { _, context -> Response in
      let user = try context.require(.viewTrials)
      let log = try await ledger.log(try context.parameters.require("trial"))
      return try Self.json(Viewer(user: user).scoped(TrialOverview(log.state, asOf: ledger.today)))
    }
    router.get("/api/v1/trials/:trial/subjects/:subject") { _, context -> Response in
      let user = try context.require(.viewSubjects)
      let log = try await ledger.log(try context.parameters.require("trial"))
      let subject = try context.parameters.require("subject")
      try Viewer(user: user).check(subject: subject, in: log.state)
      return try Self.json(try SubjectSummary(log, subject: subject, today: ledger.today))
    }
    router.get("/api/v1/trials/:trial/audit") { request, context -> Response in
      let user = try context.require(.viewAudit)
      let trial = try context.parameters.require("trial")
      let entries = try await auditEntries(trial, for: user)
      switch request.uri.queryParameters.get("format") {
      case nil, "json": return try Self.json(entries)
      case "csv": return Self.csv(entries, trial: trial)
      case let other?: throw InputError.notOneOf("format", allowed: ["json", "csv"], found: String(other))
      }
    }
    router.get("/api/v1/trials/:trial/audit/verify") { _, context -> Response in
      _ = try context.require(.viewAudit)
      return try Self.json(VerifyAnswer(try await ledger.verify(try context.parameters.require("trial"))))
    }
    router.post("/api/v1/trials/:trial/audit/checkpoint") { _, context -> Response in
      _ = try context.require(.openTrials)
      let trial = try context.parameters.require("trial")
      _ = try await ledger.log(trial)
      guard let checkpoint = try await ledger.checkpoint(trial) else {
        throw Problem(.conflict, title: "No signing key", detail: "the server has no checkpoint signing key")
      }
      struct Answer: Encodable { var trial: String, sequence: Int, signedAt: String }
      return try Self.json(
        Answer(
          trial: trial, sequence: checkpoint.sequence, signedAt: EventCoding.timestamp(checkpoint.signedAt)),
        status: .created)
    }
    router.get("/api/v1/trials/:trial/report") { _, context -> Response in
      _ = try context.require(.viewReports)
      return try await reportPage(try context.parameters.require("trial"))
    }
  }

  static func bundledProtocols() throws -> [ProtocolListing] {
    try ProtocolLibrary.bundled().map { ProtocolListing(id: $0.id, title: $0.title) }
  }

  /// The protocol text of a bundled protocol id or given in full (exactly one of them).
  static func protocolText(bundled: String?, text: String?) throws -> String {
    switch (bundled, text) {
    case (let id?, nil):
      guard let url = BundledProtocols.url(forID: id),
        let text = try? String(contentsOf: url, encoding: .utf8)
      else {
        throw InputError.notOneOf("protocol", allowed: BundledProtocols.ids, found: id)
      }
      return text
    case (nil, let text?): return text
    case (nil, nil):
      throw InputError.missing(
        "protocol", expected: "a bundled protocol id, or protocolText with a protocol's YAML")
    case (.some, .some):
      throw InputError(
        .conflict, field: "protocolText", expected: "either protocol or protocolText", found: "both")
    }
  }

  func trialListings() async throws -> [TrialListing] {
    var out: [TrialListing] = []
    for trial in try await ledger.trials() {
      let state = try await ledger.log(trial).state
      out.append(
        TrialListing(
          trial: trial, protocol: state.protocolInForce.id, title: state.protocolInForce.title,
          events: state.head,
          groups: state.groups.map(\.id)))
    }
    return out
  }

  func auditEntries(_ trial: String, for user: Accounts.User) async throws -> [AuditEntry] {
    let state = try await ledger.log(trial).state
    return Viewer(user: user).scoped(try await ledger.audit(trial), state: state)
  }

  static func csv(_ entries: [AuditEntry], trial: String) -> Response {
    func field(_ s: String) -> String {
      // A leading = + - @ would be a formula in a spreadsheet (OWASP CSV injection).
      let safe = s.first.map { "=+-@".contains($0) } == true ? "'" + s : s
      return safe.contains(where: { ",\"\n\r".contains($0) })
        ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : safe
    }
    var text = AuditEntry.columns.joined(separator: ",") + "\r\n"
    for e in entries { text += e.row.map(field).joined(separator: ",") + "\r\n" }
    var headers = HTTPFields()
    headers[.contentType] = "text/csv; charset=utf-8"
    headers[.contentDisposition] = "attachment; filename=\"\(trial)-audit.csv\""
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
  }

  struct VerifyAnswer: Encodable {
    var intact: Bool
    var events: Int
    var checkpointsChecked: Int
    var problems: [Problem]
    var notes: [String]
    struct Problem: Encodable {
      var sequence: Int
      var what: String
    }

    init(_ r: ChainReport) {
      intact = r.intact
      events = r.eventCount
      checkpointsChecked = r.checkpointsChecked
      problems = r.problems.map { Problem(sequence: $0.sequence, what: $0.what) }
      notes = r.notes
    }
  }

  func reportPage(_ trial: String) async throws -> Response {
    let state = try await ledger.log(trial).state
    let report = try TrialReport(
      data: try state.reportData(asOf: ledger.today), trial: state.protocolInForce, group: nil)
    var response = HTMLPage.response(ReportPage(report).html())
    // The report is one self-contained file (its styles inline, its charts inline SVG, no script).
    response.headers[.contentSecurityPolicy] =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    return response
  }
}
