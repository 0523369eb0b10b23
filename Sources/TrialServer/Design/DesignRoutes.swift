import Foundation
import Hummingbird
import Inputs
import TrialModel
import Trials

/// `/api/v1/protocols/{protocol}…`: a bundled protocol's designs, decision tables, decisions and
/// operating characteristics, each the application layer's answer (the JSON the CLI's `table`,
/// `decide` and `oc --json` print). They compute and store nothing, so every signed-in role may
/// use them (``Permission/viewDesigns``).
extension WebApp {
  func addDesignRoutes(to router: Router<ServerContext>) {
    router.get("/api/v1/protocols/:protocol") { _, context -> Response in
      _ = try context.require(.viewDesigns)
      return try Self.json(try ProtocolDesigns(try Self.pathProtocol(context)))
    }
    router.get("/api/v1/protocols/:protocol/groups/:group/decision-table") { request, context -> Response in
      _ = try context.require(.viewDesigns)
      let fields = try DesignInputs.query(request, allowed: DesignInputs.overrideFields)
      return try Self.json(try Self.pathDesign(context, fields).table())
    }
    router.post("/api/v1/protocols/:protocol/groups/:group/decision") { request, context -> Response in
      _ = try context.require(.viewDesigns)
      let fields = try JSONCommandFields(
        try await Self.body(request, context: context),
        fields: ["counts", "current", "lastCohort"] + DesignInputs.overrideFields)
      let design = try Self.pathDesign(context, fields)
      guard let current = try fields.int("current") else {
        throw InputError.missing("current", expected: "the level the last cohort received")
      }
      return try Self.json(
        try design.decide(
          counts: try DesignInputs.counts(fields.object, design: design), current: current,
          lastCohort: try DesignInputs.lastCohort(fields.object)))
    }
    router.post("/api/v1/protocols/:protocol/groups/:group/oc") { request, context -> Response in
      let user = try context.require(.viewDesigns)
      let fields = try JSONCommandFields(
        try await Self.body(request, context: context), fields: OCRequest.fields + DesignInputs.overrideFields
      )
      let design = try Self.pathDesign(context, fields)
      guard let truth = try fields.object.array("truth", of: Double.self) else {
        throw InputError.missing("truth", expected: "one true DLT probability per dose level")
      }
      let oc = OCRequest(
        truth: truth, method: try fields.enumeration("method", OCRequest.Method.self) ?? .exact,
        trials: try fields.int("trials"),
        seed: try Self.seed(fields))
      switch try await operatingCharacteristics(oc, design: design, owner: user.username, origin: nil) {
      case .answer(let answer): return try Self.json(answer)
      case .job(let job):
        var response = try Self.json(JobAnswer(job), status: .accepted)
        response.headers[.location] = "/api/v1/jobs/\(job.id)"
        return response
      }
    }
    router.post("/api/v1/protocols/:protocol/screen") { request, context -> Response in
      _ = try context.require(.screenPatients)
      let fields = try JSONCommandFields(
        try await Self.body(request, context: context), fields: ["patient", "group", "screeningDate"])
      return try Self.json(try ProtocolScreening.screen(try Self.pathProtocol(context), fields: fields))
    }
  }

  /// The bundled protocol of the path.
  static func pathProtocol(_ context: ServerContext) throws -> TrialProtocol {
    try DesignInputs.bundledProtocol(try context.parameters.require("protocol"))
  }

  /// The design of the path's protocol and group, with the overrides in `fields`.
  static func pathDesign(_ context: ServerContext, _ fields: any CommandFields) throws -> TrialDesign {
    try DesignInputs.design(
      try pathProtocol(context), group: try context.parameters.require("group"), fields: fields)
  }

  /// `seed`: a whole number from 0 (default 1, as `oc --seed`).
  static func seed(_ fields: any CommandFields) throws(InputError) -> UInt64 {
    guard let seed = try fields.int("seed") else { return 1 }
    guard seed >= 0 else {
      throw InputError(.invalidValue, field: "seed", expected: "a whole number from 0", found: "\(seed)")
    }
    return UInt64(seed)
  }

  /// Exact figures or a started simulation job.
  enum OCOutcome {
    case answer(OperatingCharacteristicsAnswer)
    case job(SimulationJob)
  }

  /// Exact figures computed off the event loop, or a simulation queued as a job of `owner`.
  func operatingCharacteristics(_ oc: OCRequest, design: TrialDesign, owner: String, origin: String?)
    async throws -> OCOutcome
  {
    try oc.check(design, maxTrials: jobs.limits.maxTrials)
    let method = oc.computation
    let truth = oc.truth
    guard case .simulation(let simulation) = method else {
      return .answer(
        try await Self.offloaded { try design.operatingCharacteristics(truth: truth, method: method) })
    }
    let job = try await jobs.submit(
      owner: owner, label: design.source.description, origin: origin, trials: simulation.trials
    ) { progress in
      try design.operatingCharacteristics(truth: truth, method: method, progress: progress)
    }
    return .job(job)
  }

  /// `work` on a dispatch queue, not on the event loop or the concurrency pool (the engines block).
  static func offloaded<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result { try work() }) }
    }
  }
}
