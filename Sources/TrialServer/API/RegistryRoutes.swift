import Foundation
import HTTPTypes
import Hummingbird
import Inputs
import Registry
import TrialStore

/// `/api/v1/registry…`: the local registry of ClinicalTrials.gov records — search, one record,
/// related trials (public, no sign-in: registry records are public), and import (administrators).
extension WebApp {
  func addRegistryRoutes(to router: Router<ServerContext>) {
    router.get("/api/v1/registry") { request, _ -> Response in
      let query = try Self.registryQuery(request.uri.queryParameters)
      return try Self.json(try await registry.index().search(query))
    }
    router.post("/api/v1/registry") { request, context -> Response in
      let user = try context.require(.importRegistry)
      let body = try await Self.body(request, context: context)
      let reason = request.uri.queryParameters.get("reason").map { String($0) }
      let summary = try await registry.importRecords(
        [("request body", Data(body))], by: user.username, reason: reason)
      if let refusal = summary.refusals.first { throw refusal.error }
      struct Answer: Encodable { var nctId: String, outcome: String }
      let answer =
        summary.added.first.map { Answer(nctId: $0, outcome: "added") }
        ?? summary.updated.first.map { Answer(nctId: $0, outcome: "updated") }
        ?? Answer(nctId: summary.unchanged.first ?? "", outcome: "unchanged")
      return try Self.json(answer, status: answer.outcome == "unchanged" ? .ok : .created)
    }
    router.get("/api/v1/registry/:nct") { _, context -> Response in
      try Self.json(try await registryEntry(try context.parameters.require("nct")).record)
    }
    router.get("/api/v1/registry/:nct/related") { request, context -> Response in
      let limit = try Self.integer(request.uri.queryParameters, "limit") ?? 10
      return try Self.json(
        try await registry.related().related(to: try context.parameters.require("nct"), limit: limit))
    }
  }

  /// The record of `nctId`, or a 404 problem.
  func registryEntry(_ nctId: String) async throws -> RegistryBook.Entry {
    guard let entry = try await registry.entry(nctId) else {
      throw InputError(.notFound, field: "nct", expected: "a trial of the local registry", found: nctId)
    }
    return entry
  }

  /// A search from query parameters `q`, `status` and `phase` (repeatable), `age`, `sex`, `near`
  /// (`latitude,longitude`), `withinKm`, `page`, `pageSize`; each bad one named.
  static func registryQuery(_ p: Parameters) throws -> SearchQuery {
    var errors: [InputError] = []
    func number(_ name: String) -> Double? {
      guard let text = p.get(name), !text.isEmpty else { return nil }
      guard let value = Double(text) else {
        errors.append(InputError(field: name, expected: "a number", found: "\"\(text)\""))
        return nil
      }
      return value
    }
    var query = SearchQuery(
      // A form sends spaces as `+` (HTML forms, application/x-www-form-urlencoded).
      text: p.get("q").map { $0.replacingOccurrences(of: "+", with: " ") } ?? "",
      statuses: Set(p.getAll("status").filter { !$0.isEmpty }.map { String($0) }),
      phases: Set(p.getAll("phase").filter { !$0.isEmpty }.map { String($0) }))
    query.ageYears = number("age")
    if let sex = p.get("sex"), !sex.isEmpty {
      if let s = RegistryListing.Sex(patient: String(sex)) {
        query.sex = s
      } else {
        errors.append(.notOneOf("sex", allowed: ["female", "male"], found: "\"\(sex)\""))
      }
    }
    if let near = p.get("near"), !near.isEmpty {
      if let point = GeoPoint(text: String(near)) {
        query.near = point
      } else {
        errors.append(
          InputError(field: "near", expected: "latitude,longitude in decimal degrees", found: "\"\(near)\""))
      }
    }
    query.withinKm = number("withinKm")
    if let page = number("page") { query.page = Int(exactly: page) ?? 0 }
    if let size = number("pageSize") { query.pageSize = Int(exactly: size) ?? 0 }
    if !errors.isEmpty { throw InputErrors(errors) }
    return try query.validated()
  }

  /// An integer query parameter, or a named error.
  static func integer(_ p: Parameters, _ name: String) throws -> Int? {
    guard let text = p.get(name), !text.isEmpty else { return nil }
    guard let value = Int(text) else {
      throw InputError(field: name, expected: "a whole number", found: "\"\(text)\"")
    }
    return value
  }
}
