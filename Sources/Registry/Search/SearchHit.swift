/// One record found, and why: the query's terms each field matched, with a passage of the field
/// around the first match, and the nearest site when the query named a place.
public struct SearchHit: Sendable, Hashable, Codable {
  /// A field that matched: the query terms found in it and a passage of its text.
  public struct FieldMatch: Sendable, Hashable, Codable {
    public var field: SearchField
    /// The query's terms found in the field (as searched: folded and stemmed).
    public var terms: [String]
    /// Up to about 160 characters of the field around its first match, `…` where cut.
    public var passage: String
    /// The matched words in ``passage``, as character offsets and lengths.
    public var marks: [Range<Int>]
  }

  public var listing: RegistryListing
  /// The BM25F score (0 when the query has no words).
  public var score: Double
  public var matches: [FieldMatch]
  /// With a place in the query: the nearest site with coordinates, and its distance in km.
  public var nearestSite: RegistryListing.Site?
  public var distanceKm: Double?
}

/// A page of hits, and how many records matched in all.
public struct SearchResults: Sendable, Hashable, Codable {
  public var total: Int
  public var page: Int
  public var pageSize: Int
  public var hits: [SearchHit]
}
