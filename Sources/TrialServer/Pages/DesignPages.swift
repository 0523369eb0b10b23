import Foundation
import HTTPTypes
import Hummingbird
import Inputs
import Simulation
import TrialModel
import Trials

/// The design page of a trial's group (its design as the protocol in force states it, the
/// decision table, operating characteristics on request) and the page of a simulation job.
extension WebApp {
  struct DesignPageView {
    var trial: String
    var group: String
    var label: String
    var header: DesignHeaderView
    var table: DecisionTableView?
    var tableMissing: String?
    var form: FormModel
    var result: OCResultView?
  }

  func addDesignPages(to router: Router<ServerContext>) {
    router.get("/trials/:trial/groups/:group/design") { _, context -> Response in
      _ = try context.require(.viewDesigns)
      let (trial, group) = (try context.parameters.require("trial"), try context.parameters.require("group"))
      let design = try await trialDesign(trial, group: group)
      return designPage(
        trial, design: design, form: ocForm(trial, design: design, context: context), context: context)
    }
    router.post("/trials/:trial/groups/:group/design/oc") { request, context -> Response in
      let user = try context.require(.viewDesigns)
      let (trial, group) = (try context.parameters.require("trial"), try context.parameters.require("group"))
      let design = try await trialDesign(trial, group: group)
      let form = FormFields(String(decoding: try await Self.body(request, context: context), as: UTF8.self))
      let base = ocForm(trial, design: design, context: context)
      do {
        let oc = try Self.ocRequest(form, design: design)
        if let start = try Self.startingPoint(form), start != .start {
          let state = try await ledger.log(trial).state
          let (answer, figures) =
            start == .today
            ? try state.conditionalOperatingCharacteristics(group: group, truth: oc.truth)
            : try state.predictiveOperatingCharacteristics(group: group, prior: PredictivePrior())
          let notes = start == .predictive ? [try PredictivePrior().note] : []
          return designPage(
            trial, design: design, form: base.refilled(form, error: nil),
            result: OCResultView(answer, fromToday: figures, notes: notes), context: context)
        }
        let origin = "/trials/\(trial)/groups/\(group)/design"
        switch try await operatingCharacteristics(oc, design: design, owner: user.username, origin: origin) {
        case .answer(let answer):
          return designPage(
            trial, design: design, form: base.refilled(form, error: nil), result: OCResultView(answer),
            context: context)
        case .job(let job): return .redirect(to: "/jobs/\(job.id)")
        }
      } catch let error as InputError {
        var failed = base.refilled(form, error: Self.formError(error, design: design))
        failed.formError = failed.formError?.replacingOccurrences(of: "Not recorded", with: "Not computed")
        return designPage(
          trial, design: design, form: failed, context: context, status: Problem(error).httpStatus)
      }
    }
  }

  /// The design of `trial`'s group `group` by the protocol in force.
  func trialDesign(_ trial: String, group: String) async throws -> TrialDesign {
    let state = try await ledger.log(trial).state
    return try TrialDesign.resolve(DesignRequest(), protocol: state.protocolInForce, group: group)
  }

  func designPage(
    _ trial: String, design: TrialDesign, form: FormModel, result: OCResultView? = nil,
    context: ServerContext, status: HTTPResponse.Status = .ok
  ) -> Response {
    guard case .protocolGroup(_, let group, let label) = design.source else {
      preconditionFailure("a trial's design comes from its protocol")
    }
    var table: DecisionTableView?
    var missing: String?
    do { table = DecisionTableView(try design.table()) } catch { missing = error.message }
    let view = DesignPageView(
      trial: trial, group: group, label: label, header: DesignHeaderView(design), table: table,
      tableMissing: missing, form: form, result: result)
    return pages.page(
      "design", title: "\(trial) group \(group) — design", data: view, context: context, status: status)
  }

  /// The operating characteristics form: one true DLT probability per level, prefilled.
  func ocForm(_ trial: String, design: TrialDesign, context: ServerContext) -> FormModel {
    guard case .protocolGroup(_, let group, _) = design.source else {
      preconditionFailure("a protocol's design")
    }
    let truth = Self.exampleTruth(design)
    var fields = design.levels.enumerated().map { i, level in
      FormModel.Field(
        name: "truth\(level)", label: "True DLT probability at level \(level)", kind: .number, required: true,
        value: "\(truth[i])")
    }
    fields += [
      FormModel.Field(
        name: "method", label: "Method", kind: .select(OCRequest.Method.allCases.map(\.rawValue)),
        required: true,
        value: "exact",
        help:
          "exact: every trial path (at most \(OperatingCharacteristicsCost.largeExactSampleSize) patients); "
          + "simulation: seeded Monte Carlo, run as a job"),
      FormModel.Field(
        name: "from", label: "From", kind: .select(StartingPoint.allCases.map(\.rawValue)), required: true,
        value: StartingPoint.start.rawValue,
        help:
          "start: the trial before its first patient; today: the rest of the trial from today's adjudicated "
          + "data, under the scenario above; predictive: from today's data, each level's DLT rate Beta(1, 1) "
          + "a priori and updated by the data (the scenario is not used). Today and predictive are exact."),
      FormModel.Field(
        name: "trials", label: "Simulated trials", kind: .number, value: "10000", help: "simulation only"),
      FormModel.Field(name: "seed", label: "Seed", kind: .number, value: "1", help: "simulation only"),
    ]
    return FormModel(
      name: "oc", title: "Operating characteristics", action: "/trials/\(trial)/groups/\(group)/design/oc",
      button: "Compute", fields: fields, csrf: context.csrfToken)
  }

  /// A scenario to start from (protocols state none): the CRM skeleton, else DLT rates rising
  /// through the target at the middle level.
  static func exampleTruth(_ design: TrialDesign) -> [Double] {
    let count = design.levels.count
    if let skeleton = (try? design.arguments.numbers("skeleton")) ?? nil, skeleton.count == count {
      return skeleton
    }
    let middle = Double((count - 1) / 2 + 1)
    return (0..<count).map { i in
      min(0.9, (design.setup.target * Double(i + 1) / middle * 100).rounded() / 100)
    }
  }

  /// The form's request: `truthL` per level, the method, and for a simulation its trials and seed.
  static func ocRequest(_ form: FormFields, design: TrialDesign) throws(InputError) -> OCRequest {
    let names = design.levels.map { "truth\($0)" }
    let fields = try FormCommandFields(form, fields: names + ["method", "from", "trials", "seed"])
    var truth: [Double] = []
    for name in names {
      guard let p = try fields.number(name) else { throw .missing(name, expected: "a DLT probability") }
      truth.append(p)
    }
    let method = try fields.enumeration("method", OCRequest.Method.self) ?? .exact
    return OCRequest(
      truth: truth, method: method, trials: method == .simulation ? try fields.int("trials") : nil,
      seed: try seed(fields))
  }

  /// Where the operating characteristics start: the trial before its first patient, or today's
  /// data (under the form's scenario, or the posterior predictive).
  enum StartingPoint: String, Sendable, CaseIterable, InputEnumeration {
    case start, today, predictive
  }

  /// The form's `from` (default: the start); from today's data the method must be exact.
  static func startingPoint(_ form: FormFields) throws(InputError) -> StartingPoint? {
    let fields = try FormCommandFields(form, fields: form.names)
    guard let start = try fields.enumeration("from", StartingPoint.self) else { return nil }
    if start != .start, let method = try fields.enumeration("method", OCRequest.Method.self), method != .exact
    {
      throw InputError(
        field: "method", expected: "exact for operating characteristics from today's data",
        found: method.rawValue)
    }
    return start
  }

  /// An error of the scenario named by its form field: `truth[2]` → `truth<level of index 2>`.
  static func formError(_ error: InputError, design: TrialDesign) -> InputError {
    guard error.field.hasPrefix("truth["), let close = error.field.firstIndex(of: "]"),
      let index = Int(error.field[error.field.index(error.field.startIndex, offsetBy: 6)..<close]),
      design.levels.indices.contains(index)
    else { return error }
    var renamed = error
    renamed.field = "truth\(design.levels[index])"
    return renamed
  }
}
