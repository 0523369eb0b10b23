import Foundation
import HTTPTypes
import Hummingbird
import Inputs
import TrialStore

/// An RFC 9457 problem details document: what went wrong, the field at fault (a JSON pointer),
/// what was expected and what was found.
public struct Problem: Error, Sendable, Codable, Equatable {
  public var type: String
  public var title: String
  public var status: Int
  public var detail: String
  /// The request path.
  public var instance: String?
  /// The field at fault, as a JSON pointer (`/date`, `/entry/grade`); RFC 9457 extension member.
  public var field: String?
  public var expected: String?
  public var found: String?

  public init(
    _ status: HTTPResponse.Status, title: String, detail: String, field: String? = nil,
    expected: String? = nil,
    found: String? = nil
  ) {
    self.type = "about:blank"
    self.title = title
    self.status = status.code
    self.detail = detail
    self.field = field.map(Self.pointer)
    self.expected = expected
    self.found = found
  }

  /// The problem for an input error: malformed 400, forbidden 403, not found 404, conflict 409,
  /// otherwise 422.
  public init(_ error: InputError) {
    let status: HTTPResponse.Status =
      switch error.kind {
      case .malformed: .badRequest
      case .forbidden: .forbidden
      case .notFound: .notFound
      case .conflict: .conflict
      case .invalidValue, .missing, .unknownField, .limitExceeded: .unprocessableContent
      }
    let titles: [InputError.Kind: String] = [
      .malformed: "Malformed input", .forbidden: "Not permitted", .notFound: "Not found",
      .conflict: "Refused",
      .invalidValue: "Invalid value", .missing: "Missing field", .unknownField: "Unknown field",
      .limitExceeded: "Too large",
    ]
    // An error inside a JSON value given as one field (a patient record, an assessment entry) is
    // read as a document of its own named after the field: the pointer starts with the field.
    var field = error.field
    if let file = error.location?.file, CommandSpec.documentFields.contains(file) {
      field = field.isEmpty ? file : InputError.join(file, field)
    }
    self.init(
      status, title: titles[error.kind] ?? "Invalid input", detail: error.message,
      field: field.isEmpty ? nil : field, expected: error.expected, found: error.found)
  }

  /// `groups[0].design` → `/groups/0/design`.
  static func pointer(_ field: String) -> String {
    if field.hasPrefix("/") { return field }
    let parts = field.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: "")
      .split(separator: ".")
    return "/"
      + parts.map { $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }
      .joined(separator: "/")
  }

  var httpStatus: HTTPResponse.Status { HTTPResponse.Status(code: status) }

  /// The problem for any error a route throws.
  static func from(_ error: any Error) -> Problem {
    switch error {
    case let p as Problem: return p
    case let e as InputError: return Problem(e)
    case let e as InputErrors:
      return e.errors.first.map(Problem.init) ?? Problem(.badRequest, title: "Invalid input", detail: "\(e)")
    case let e as StoreError:
      switch e {
      case .sequenceTaken: return Problem(.conflict, title: "Written by another user", detail: "\(e)")
      default: return Problem(.serviceUnavailable, title: "Database unavailable", detail: "\(e)")
      }
    case let e as HTTPError:
      return Problem(e.status, title: e.status.reasonPhrase, detail: e.body ?? e.status.reasonPhrase)
    default:
      return Problem(
        .internalServerError, title: "Internal error", detail: "the server could not complete the request")
    }
  }

  func response(instance: String) -> Response {
    var p = self
    p.instance = instance
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(p)) ?? Data()
    var headers = HTTPFields()
    headers[.contentType] = "application/problem+json"
    return Response(status: httpStatus, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
  }
}
