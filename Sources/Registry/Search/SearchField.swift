/// The texts of a record the finder searches, each with its weight in the ranking.
public enum SearchField: String, Sendable, Hashable, Codable, CaseIterable {
  case title, conditions, interventions, criteria

  /// The field's weight in BM25F: a word of the title tells more than one of the criteria.
  public var weight: Double {
    switch self {
    case .title: 3
    case .conditions: 2.5
    case .interventions: 2
    case .criteria: 1
    }
  }

  /// The field's text in `listing`.
  public func text(of listing: RegistryListing) -> String {
    switch self {
    case .title: ([listing.title] + [listing.officialTitle].compactMap { $0 }).joined(separator: " — ")
    case .conditions: listing.conditions.joined(separator: "; ")
    case .interventions: listing.interventions.joined(separator: "; ")
    case .criteria: listing.criteria
    }
  }
}
