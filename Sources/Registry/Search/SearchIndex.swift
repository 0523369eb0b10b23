import Foundation
import Inputs

/// The registry's full-text index: every record's titles, conditions, interventions and criteria
/// cut into terms (``SearchText``), ranked by BM25F.
///
/// BM25F (Robertson, Zaragoza & Taylor 2004, "Simple BM25 extension to multiple weighted fields",
/// CIKM): a term's frequencies in the fields of a record are combined, each weighted
/// (``SearchField/weight``) and normalised by the field's length against its mean length,
/// `tf̃ = Σ_f w_f · tf_f / (1 − b + b · l_f / avg l_f)`, and the record scores
/// `Σ_t idf(t) · tf̃ / (k₁ + tf̃)` with `idf(t) = ln(1 + (N − n_t + 0.5) / (n_t + 0.5))`, `n_t` the
/// records holding `t` in any field; k₁ = 1.2, b = 0.75.
///
/// Pure and in memory, the same on either database: a server builds it from the stored records
/// (O(total text)) and answers from it.
public struct SearchIndex: Sendable {
  /// A record's frequency of one term in each field (in ``SearchField/allCases`` order).
  struct Posting: Sendable {
    var record: Int32
    var frequencies: SIMD4<Float>
  }

  public static let k1 = 1.2
  public static let b = 0.75

  public let listings: [RegistryListing]
  private let positions: [String: Int]
  private let postings: [String: [Posting]]
  private let lengths: [SIMD4<Float>]
  private let meanLengths: SIMD4<Float>
  private let weights: SIMD4<Float>

  /// Indexes `listings` (a later listing with the same NCT id replaces an earlier one).
  public init(_ listings: [RegistryListing]) {
    var byId: [String: Int] = [:]
    var unique: [RegistryListing] = []
    for listing in listings {
      if let at = byId[listing.nctId] {
        unique[at] = listing
      } else {
        byId[listing.nctId] = unique.count
        unique.append(listing)
      }
    }
    self.listings = unique
    self.positions = byId
    var postings: [String: [Posting]] = [:]
    var lengths: [SIMD4<Float>] = []
    lengths.reserveCapacity(unique.count)
    for (record, listing) in unique.enumerated() {
      var counts: [String: SIMD4<Float>] = [:]
      var length = SIMD4<Float>()
      for (f, field) in SearchField.allCases.enumerated() {
        for term in SearchText.terms(field.text(of: listing)) {
          counts[term, default: SIMD4<Float>()][f] += 1
          length[f] += 1
        }
      }
      lengths.append(length)
      for (term, frequencies) in counts {
        postings[term, default: []].append(Posting(record: Int32(record), frequencies: frequencies))
      }
    }
    self.postings = postings
    self.lengths = lengths
    let total = lengths.reduce(SIMD4<Float>(), +)
    let n = Float(max(1, unique.count))
    // A field empty in every record keeps a mean of 1, so that its (zero) length divides safely.
    self.meanLengths = (total / n).replacing(with: 1, where: total .== 0)
    self.weights = SIMD4(SearchField.allCases.map { Float($0.weight) })
  }

  /// The number of records.
  public var count: Int { listings.count }

  /// The listing of `nctId`, if indexed.
  public func listing(_ nctId: String) -> RegistryListing? { position(of: nctId).map { listings[$0] } }

  /// Where `nctId` stands in ``listings``.
  func position(of nctId: String) -> Int? { positions[nctId] }

  /// `idf(t)` of a term held by `holders` of the index's records.
  func inverseDocumentFrequency(holders: Int) -> Double {
    let n = Double(listings.count)
    let h = Double(holders)
    return log(1 + (n - h + 0.5) / (h + 0.5))
  }

  /// Every record's BM25F score for `terms` (each distinct term counted once), zero for records
  /// holding none of them.
  func scores(_ terms: [String]) -> [Double] {
    var scores = [Double](repeating: 0, count: listings.count)
    let one = SIMD4<Float>(repeating: 1)
    let b = Float(Self.b)
    for term in Set(terms) {
      guard let list = postings[term] else { continue }
      let idf = inverseDocumentFrequency(holders: list.count)
      for posting in list {
        let r = Int(posting.record)
        let normalised = posting.frequencies / ((one - b) + b * lengths[r] / meanLengths)
        let tf = Double((weights * normalised).sum())
        scores[r] += idf * tf / (Self.k1 + tf)
      }
    }
    return scores
  }

  /// The records matching `query`, best first (ties by NCT id, newest first; without words but
  /// with a place, nearest first), one page of them.
  public func search(_ query: SearchQuery) throws(InputErrors) -> SearchResults {
    let (query, terms, scores, found) = try ranked(query)
    let start = min(found.count, (query.page - 1) * query.pageSize)
    let page = found[start..<min(found.count, start + query.pageSize)]
    let wanted = Set(terms)
    let hits = page.map { entry in
      let listing = listings[entry.record]
      return SearchHit(
        listing: listing, score: scores[entry.record],
        matches: SearchField.allCases.compactMap { Self.match(of: wanted, in: $0, of: listing) },
        nearestSite: query.near.flatMap { listing.nearestSite(to: $0)?.site }, distanceKm: entry.distanceKm)
    }
    return SearchResults(total: found.count, page: query.page, pageSize: query.pageSize, hits: Array(hits))
  }

  /// Every record matching `query` (its page aside), best first, with the distance of its
  /// nearest site from the query's place.
  public func matching(_ query: SearchQuery) throws(InputErrors) -> [(
    listing: RegistryListing, distanceKm: Double?
  )] {
    try ranked(query).found.map { (listings[$0.record], $0.distanceKm) }
  }

  /// The validated query, its terms, every record's score and the matching records in order.
  private func ranked(_ query: SearchQuery) throws(InputErrors) -> (
    query: SearchQuery, terms: [String], scores: [Double], found: [(record: Int, distanceKm: Double?)]
  ) {
    let query = try query.validated()
    let terms = SearchText.terms(query.text)
    let scores = terms.isEmpty ? [Double](repeating: 0, count: listings.count) : scores(terms)
    var found: [(record: Int, distanceKm: Double?)] = []
    for (r, listing) in listings.enumerated() {
      if !terms.isEmpty, scores[r] <= 0 { continue }
      guard query.statuses.isEmpty || query.statuses.contains(listing.status),
        query.phases.isEmpty || !query.phases.isDisjoint(with: listing.phases),
        query.ageYears.map({ listing.admits(ageYears: $0) }) ?? true,
        query.sex.map({ listing.admits(sex: $0) }) ?? true
      else { continue }
      var distance: Double?
      if let near = query.near {
        distance = listing.nearestSite(to: near)?.distanceKm
        if let within = query.withinKm { guard let d = distance, d <= within else { continue } }
      }
      found.append((r, distance))
    }
    // Without words, a search near a place lists the nearest trials first.
    let byDistance = terms.isEmpty && query.near != nil
    found.sort { a, b in
      if byDistance, a.distanceKm != b.distanceKm {
        return (a.distanceKm ?? .infinity) < (b.distanceKm ?? .infinity)
      }
      return scores[a.record] != scores[b.record]
        ? scores[a.record] > scores[b.record] : listings[a.record].nctId > listings[b.record].nctId
    }
    return (query, terms, scores, found)
  }

  /// The terms of `wanted` found in `field` of `listing`, with a passage around the first.
  static func match(of wanted: Set<String>, in field: SearchField, of listing: RegistryListing)
    -> SearchHit.FieldMatch?
  {
    guard !wanted.isEmpty else { return nil }
    let text = field.text(of: listing)
    let tokens = SearchText.tokens(text).filter { wanted.contains($0.term) }
    guard let first = tokens.first else { return nil }
    var seen: [String] = []
    for token in tokens where !seen.contains(token.term) { seen.append(token.term) }
    let passage = Passage(text, around: first.range, marking: tokens.map(\.range))
    return SearchHit.FieldMatch(field: field, terms: seen, passage: passage.text, marks: passage.marks)
  }
}
