import Inputs

/// The trials most like one trial of the registry, by condition, target antigen, modality,
/// product type (autologous / allogeneic / universal), phase and population, each feature shared
/// listed.
///
/// Similarity is a weighted sum of one Jaccard index per feature, `|A ∩ B| / |A ∪ B|` (0 when
/// neither trial states the feature): conditions 0.25 (their terms weighted by inverse document
/// frequency over the registry, so that `leukemia` shared counts more than `disease`), antigens
/// 0.25, modality 0.20, product type 0.10, phase 0.10, age groups 0.10. The weights sum to 1, so a
/// score lies in 0…1; a trial stating every feature scores 1 against itself.
public struct RelatedTrials: Sendable {
  /// One feature's part in the similarity.
  public enum Feature: String, Sendable, Hashable, CaseIterable, Codable, CodingKeyRepresentable {
    case conditions, antigens, modality, productType, phase, population

    public var weight: Double {
      switch self {
      case .conditions, .antigens: 0.25
      case .modality: 0.20
      case .productType, .phase, .population: 0.10
      }
    }
  }

  /// A related trial, its similarity and what it shares.
  public struct Match: Sendable, Hashable, Codable {
    public var listing: RegistryListing
    public var similarity: Double
    /// Each feature with something in common, and the values shared (condition terms as searched).
    public var shared: [Feature: [String]]
  }

  let index: SearchIndex
  let features: [TrialFeatures]
  let conditionIdf: [String: Double]

  public init(_ index: SearchIndex) {
    self.index = index
    features = index.listings.map(TrialFeatures.init)
    var holders: [String: Int] = [:]
    for f in features { for term in f.conditionTerms { holders[term, default: 0] += 1 } }
    conditionIdf = holders.mapValues(index.inverseDocumentFrequency(holders:))
  }

  /// The `limit` trials most similar to `nctId` (not itself; similarity above 0), most similar
  /// first, ties by NCT id (newest first).
  public func related(to nctId: String, limit: Int = 10) throws(InputErrors) -> [Match] {
    guard let at = index.position(of: nctId) else {
      throw InputErrors([
        InputError(.notFound, field: "nctId", expected: "a trial of the registry", found: nctId)
      ])
    }
    guard (1...SearchQuery.maximumPageSize).contains(limit) else {
      throw InputErrors([
        InputError(field: "limit", expected: "1 to \(SearchQuery.maximumPageSize) trials", found: "\(limit)")
      ])
    }
    var matches: [Match] = []
    for other in features.indices where other != at {
      let (similarity, shared) = compare(features[at], features[other])
      if similarity > 0 {
        matches.append(Match(listing: index.listings[other], similarity: similarity, shared: shared))
      }
    }
    matches.sort {
      $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.listing.nctId > $1.listing.nctId
    }
    return Array(matches.prefix(limit))
  }

  /// The similarity of two trials' features, and the values they share per feature.
  public func compare(_ a: TrialFeatures, _ b: TrialFeatures) -> (Double, [Feature: [String]]) {
    var total = 0.0
    var shared: [Feature: [String]] = [:]
    for feature in Feature.allCases {
      let (x, y) = (Self.values(feature, a), Self.values(feature, b))
      let common = x.intersection(y)
      guard !common.isEmpty else { continue }
      let weight: (String) -> Double = feature == .conditions ? { conditionIdf[$0] ?? 0 } : { _ in 1 }
      let union = x.union(y).reduce(0) { $0 + weight($1) }
      guard union > 0 else { continue }
      total += feature.weight * common.reduce(0) { $0 + weight($1) } / union
      shared[feature] = common.sorted()
    }
    return (total, shared)
  }

  static func values(_ feature: Feature, _ f: TrialFeatures) -> Set<String> {
    switch feature {
    case .conditions: f.conditionTerms
    case .antigens: f.antigens
    case .modality: f.modalities
    case .productType: f.productTypes
    case .phase: f.phases
    case .population: f.ageGroups
    }
  }
}
