import Foundation
import HTTPTypes
import Hummingbird

/// The OpenAPI 3.1 document of the API, kept in the repository
/// (`Sources/TrialServer/Resources/OpenAPI/openapi.json`) and served at `/openapi.json`; a test
/// checks that it documents exactly the routes the router has.
public enum OpenAPIDocument {
  /// The document's bytes.
  public static let bytes: [UInt8] = {
    guard let url = Bundle.module.url(forResource: "OpenAPI/openapi", withExtension: "json"),
      let data = try? Data(contentsOf: url)
    else { return Array("{}".utf8) }
    return Array(data)
  }()

  static func response() -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "application/json; charset=utf-8"
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
  }
}
