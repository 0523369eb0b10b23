import Foundation
import Inputs
import TrialModel

/// A visitor's saved search of the registry: its query, and the keep it belongs to (the SHA-256
/// of the visitor's private key, never the key). When a newly imported record matches it, a
/// message goes to the keep's outbox (``OutboxMessage``).
public struct SavedSearch: Sendable, Hashable, Codable {
  public var id: String
  public var keep: String
  public var text: String
  public var statuses: [String]
  public var phases: [String]
  public var ageYears: Double?
  public var sex: RegistryListing.Sex?
  public var near: GeoPoint?
  public var withinKm: Double?
  public var savedAt: Date

  public init(id: String, keep: String, query: SearchQuery, savedAt: Date) {
    self.id = id
    self.keep = keep
    text = query.text
    statuses = query.statuses.sorted()
    phases = query.phases.sorted()
    ageYears = query.ageYears
    sex = query.sex
    near = query.near
    withinKm = query.withinKm
    self.savedAt = savedAt
  }

  /// The search, every page of it.
  public var query: SearchQuery {
    SearchQuery(
      text: text, statuses: Set(statuses), phases: Set(phases), ageYears: ageYears, sex: sex, near: near,
      withinKm: withinKm, page: 1, pageSize: SearchQuery.maximumPageSize)
  }

  /// The search in words: `"car-t cd19", RECRUITING, age 16, within 100 km of 30.2,120.1`.
  public var summary: String {
    var parts: [String] = [text.isEmpty ? "every record" : "\"\(text)\""]
    parts += statuses + phases
    if let ageYears { parts.append("age \(Quantity.format(ageYears))") }
    if let sex { parts.append(sex.rawValue.lowercased()) }
    if let near {
      parts.append(
        withinKm.map {
          "within \(Quantity.format($0)) km of \(Quantity.format(near.latitude)),\(Quantity.format(near.longitude))"
        } ?? "near \(Quantity.format(near.latitude)),\(Quantity.format(near.longitude))")
    }
    return parts.joined(separator: ", ")
  }

  /// The records of `index` among `nctIds` that the search finds.
  public func matches(in index: SearchIndex, among nctIds: Set<String>) -> [RegistryListing] {
    ((try? index.matching(query)) ?? []).map(\.listing).filter { nctIds.contains($0.nctId) }
  }
}
