import Foundation

/// A message to a visitor's outbox: a newly imported trial matches a saved search. No mail is
/// sent; the visitor reads the outbox on the server (`/mine`).
public struct OutboxMessage: Sendable, Hashable, Codable {
  public var id: String
  public var searchId: String
  public var nctId: String
  public var subject: String
  public var body: String
  public var createdAt: Date

  public init(id: String, search: SavedSearch, listing: RegistryListing, at date: Date) {
    self.id = id
    searchId = search.id
    nctId = listing.nctId
    subject = "New trial for your search \(search.summary): \(listing.nctId)"
    body =
      "\(listing.nctId) (\(listing.status)), \(listing.title), was added to the registry and matches your search."
    createdAt = date
  }
}
