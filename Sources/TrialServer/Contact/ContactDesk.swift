import Foundation
import Inputs
import Registry
import TrialConduct
import TrialStore

/// Visitors' contact requests to a trial's sites, and each site's inbox.
///
/// A request can go to a site that is active in a trial of this server conducted under the
/// registry record (the protocol's id is the NCT id): that site's staff read it. Its content is a
/// ``PersonalRecord`` (deletable, erased when the site deletes it or after `retentionDays`); the
/// accounts log records only that request *id* was received for a site and, later, who erased it,
/// when and why.
struct ContactDesk: Sendable {
  static let kind = "contactRequest"

  let ledger: TrialLedger
  let accounts: AccountBook
  let retentionDays: Int

  /// A site a request can be sent to.
  struct Destination: Sendable, Hashable {
    var trial: String
    var site: String
    var name: String
  }

  /// The active sites of every trial of this server conducted under `nctId`.
  func destinations(for nctId: String) async throws -> [Destination] {
    var found: [Destination] = []
    for trial in try await ledger.trials() {
      let state = try await ledger.log(trial).state
      guard state.protocolInForce.id.uppercased() == nctId.uppercased() else { continue }
      for (site, name) in state.sites.sorted(by: { $0.key < $1.key }) {
        found.append(Destination(trial: trial, site: site, name: (name ?? nil) ?? site))
      }
    }
    return found
  }

  /// Validates and keeps a request sent from `address`; the accounts log records its arrival.
  func send(_ fields: [String: String], nctId: String, address: String?) async throws -> ContactRequest {
    let sites = try await destinations(for: nctId)
    guard !sites.isEmpty else {
      throw InputError(
        .notFound, field: "site",
        expected: "a trial of this server conducted under \(nctId) with an active site",
        found: "none")
    }
    let request = try ContactRequest.from(
      fields, nctId: nctId, sites: sites.map { ($0.trial, $0.site) }, id: UUID().uuidString.lowercased(),
      receivedAt: ledger.clock(), retentionDays: retentionDays)
    let bytes = Array(try EventCoding.encoder().encode(request))
    try await ledger.store.savePersonalRecord(
      PersonalRecord(
        kind: Self.kind, id: request.id, scope: request.site, createdAt: request.receivedAt,
        expiresAt: request.expiresAt, bytes: bytes))
    try await accounts.append(by: "visitor", address: address) { _ in
      [.contactRequestReceived(id: request.id, nctId: nctId, trial: request.trial, site: request.site)]
    }
    return request
  }

  /// The requests `site` has (expired ones are erased first), oldest first.
  func inbox(site: String) async throws -> [ContactRequest] {
    let now = ledger.clock()
    _ = try await ledger.store.deleteExpiredPersonalRecords(at: now)
    return try await ledger.store.personalRecords(kind: Self.kind, scope: site, at: now).map {
      try EventCoding.decoder().decode(ContactRequest.self, from: Data($0.bytes))
    }
  }

  /// Erases request `id` of `site` by `user` for `reason` (required, kept in the accounts log).
  func delete(_ id: String, site: String, by user: String, reason: String) async throws {
    guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw InputError.missing("reason", expected: "why the request is erased (e.g. 'called back')")
    }
    guard try await inbox(site: site).contains(where: { $0.id == id }) else {
      throw InputError(.notFound, field: "id", expected: "a contact request of site \(site)", found: id)
    }
    _ = try await ledger.store.deletePersonalRecord(kind: Self.kind, id: id)
    try await accounts.append(by: user, reason: reason) { _ in [.contactRequestDeleted(id: id, site: site)] }
  }
}
