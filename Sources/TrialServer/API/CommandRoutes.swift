import Foundation
import HTTPTypes
import Hummingbird
import Inputs
import TrialConduct
import TrialStore

/// The conduct commands of ``CommandSpec/all`` as API routes, and `correct`. Each is checked
/// against the trial's state by the conduct core (role, site, rules); a refusal writes nothing.
extension WebApp {
  typealias Written = WrittenEvent

  func addCommandRoutes(to router: Router<ServerContext>) {
    for spec in CommandSpec.all {
      let path = spec.path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "")
      router.post(RouterPath(path)) { request, context -> Response in
        let bytes = try await Self.body(request, context: context)
        let fields = try JSONCommandFields(bytes, fields: spec.fields)
        let written = try await record(
          spec, fields: fields, trial: try context.parameters.require("trial"),
          id: try spec.idParameter.map { try context.parameters.require($0) } ?? "",
          key: try Self.idempotencyKey(request, body: bytes), context: context)
        return try Self.json(written.map(Written.init), status: .created)
      }
    }
    router.post("/api/v1/trials/:trial/events/:seq/correct") { request, context -> Response in
      let bytes = try await Self.body(request, context: context)
      let fields = try JSONCommandFields(bytes, fields: CommandSpec.correctFields)
      let written = try await correct(
        trial: try context.parameters.require("trial"), seq: try context.parameters.require("seq"),
        fields: fields,
        key: try Self.idempotencyKey(request, body: bytes), context: context)
      return try Self.json(written.map(Written.init), status: .created)
    }
  }

  /// Records one command for the signed-in user: permission to record, the password again for a
  /// signature, the subject visible to them, then the conduct core's own checks. A confirmation
  /// is signed (approval) by the one who confirms.
  func record(
    _ spec: CommandSpec, fields: any CommandFields, trial: String, id: String, key: String?,
    context: ServerContext
  ) async throws -> [RecordedEvent] {
    let user = try context.require(.record)
    let command = try spec.make(fields, id)
    if spec.signs {
      try await accounts.reauthenticate(
        user.username, password: try fields.required("password", "your password, to sign"))
    }
    if spec.scope == .subject, spec.action != "screen" {
      try Viewer(user: user).check(subject: id, in: try await ledger.log(trial).state)
    }
    var written = try await ledger.record(command, in: trial, by: user.actor, idempotencyKey: key)
    if case .confirm = command,
      let decision = written.first(where: { $0.event.kind == .recommendationConfirmed }),
      try await ledger.log(trial).state.signatures[decision.sequence] == nil
    {
      written += try await ledger.record(
        .sign(sequence: decision.sequence, meaning: .approval), in: trial, by: user.actor,
        idempotencyKey: key.map { k in
          // The signature is its own request: KEY/signature|fingerprint.
          let parts = k.split(separator: "|", maxSplits: 1)
          return "\(parts[0])/signature" + (parts.count > 1 ? "|\(parts[1])" : "")
        })
    }
    return written
  }

  /// `correct`: the replacement entry read against the event it corrects.
  func correct(trial: String, seq: String, fields: any CommandFields, key: String?, context: ServerContext)
    async throws -> [RecordedEvent]
  {
    let user = try context.require(.record)
    let sequence = try CommandSpec.sequence(seq)
    let log = try await ledger.log(trial)
    if sequence <= log.state.eventSubjects.count, let subject = log.state.eventSubjects[sequence - 1] {
      try Viewer(user: user).check(subject: subject, in: log.state)
    }
    let inner = try ConductCommand.correcting(
      sequence, in: log, entry: try fields.requiredJSON("entry", "the corrected entry (JSON)"), file: "entry")
    return try await ledger.record(
      .correct(
        sequence: sequence, reason: try fields.required("reason", "why the event is corrected"),
        command: inner),
      in: trial, by: user.actor, idempotencyKey: key)
  }
}
