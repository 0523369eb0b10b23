import Foundation
import Inputs

/// A visitor's request to be contacted by one site of a trial: only what the site needs to call
/// back (a name, one e-mail address or telephone number, an optional message) and the visitor's
/// consent to be contacted, without which nothing is kept (GDPR art. 6(1)(a), 7; art. 5(1)(c)
/// data minimisation: no date of birth, diagnosis or address is asked for).
public struct ContactRequest: Codable, Sendable, Hashable {
  public var id: String
  /// The registry record the request is about.
  public var nctId: String
  /// The server's trial and site the request is sent to.
  public var trial: String
  public var site: String
  public var name: String
  /// An e-mail address or a telephone number.
  public var contact: String
  public var message: String
  public var receivedAt: Date
  /// When the request is erased at the latest.
  public var expiresAt: Date

  /// The longest name, contact and message accepted (characters).
  public static let nameLimit = 120
  public static let contactLimit = 120
  public static let messageLimit = 2000

  /// A request from a form's fields (`name`, `contact`, `message`, `consent`), for one of `sites`
  /// (`site`: the server site id): an error names the field at fault.
  public static func from(
    _ fields: [String: String], nctId: String, sites: [(trial: String, site: String)], id: String,
    receivedAt: Date, retentionDays: Int
  ) throws(InputError) -> ContactRequest {
    func text(_ field: String, limit: Int, required: Bool) throws(InputError) -> String {
      let value = (fields[field] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
      if required, value.isEmpty { throw InputError.missing(field, expected: "a value") }
      if value.count > limit {
        throw InputError(
          .limitExceeded, field: field, expected: "at most \(limit) characters", found: "\(value.count)")
      }
      return value
    }
    let chosen = fields["site"] ?? ""
    guard let target = sites.first(where: { $0.site == chosen }) else {
      throw InputError.notOneOf("site", allowed: sites.map(\.site), found: "'\(chosen)'")
    }
    let name = try text("name", limit: nameLimit, required: true)
    let contact = try text("contact", limit: contactLimit, required: true)
    guard isEmail(contact) || isTelephone(contact) else {
      throw InputError(
        field: "contact",
        expected: "an e-mail address (name@example.org) or a telephone number (+49 30 1234567)",
        found: "'\(contact)'")
    }
    let message = try text("message", limit: messageLimit, required: false)
    guard ["yes", "on", "true"].contains(fields["consent"] ?? "") else {
      throw InputError.missing("consent", expected: "consent to be contacted by the site's study team")
    }
    return ContactRequest(
      id: id, nctId: nctId, trial: target.trial, site: target.site, name: name, contact: contact,
      message: message, receivedAt: receivedAt,
      expiresAt: receivedAt.addingTimeInterval(TimeInterval(retentionDays) * 86_400))
  }

  /// One `@`, something before it, a dot in the domain after it, no spaces.
  static func isEmail(_ text: String) -> Bool {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, !text.contains(" ") else { return false }
    let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
    return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
  }

  /// 6 to 15 digits (ITU-T E.164), with `+`, spaces, dots, dashes and parentheses between them.
  static func isTelephone(_ text: String) -> Bool {
    let allowed = Set("0123456789+ -.()")
    guard text.allSatisfy({ allowed.contains($0) }) else { return false }
    let digits = text.filter(\.isNumber).count
    return (6...15).contains(digits)
  }
}
