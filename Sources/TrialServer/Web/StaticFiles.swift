import Foundation
import HTTPTypes
import Hummingbird

/// The stylesheet and the small script of the pages, read once from the bundle (no external
/// assets, no build step).
enum StaticFiles {
  static let files: [String: (type: String, bytes: [UInt8])] = {
    guard let dir = Bundle.module.url(forResource: "Static", withExtension: nil),
      let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path)
    else { return [:] }
    var out: [String: (String, [UInt8])] = [:]
    for name in names {
      guard let data = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path) else {
        continue
      }
      let type =
        name.hasSuffix(".css")
        ? "text/css; charset=utf-8"
        : name.hasSuffix(".js") ? "text/javascript; charset=utf-8" : "image/svg+xml"
      out[name] = (type, Array(data))
    }
    return out
  }()

  static func add(to router: Router<ServerContext>) {
    router.get("/static/:file") { _, context -> Response in
      try response(try context.parameters.require("file"))
    }
    // Browsers ask for /favicon.ico on pages that name no icon (a PDF, a JSON document).
    router.get("/favicon.ico") { _, _ -> Response in try response("favicon.svg") }
  }

  /// The bundled file `name`, cached for an hour.
  static func response(_ name: String) throws -> Response {
    guard let file = files[name] else {
      throw Problem(.notFound, title: "Not found", detail: "no file \(name)")
    }
    var headers = HTTPFields()
    headers[.contentType] = file.type
    headers[.cacheControl] = "public, max-age=3600"
    return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
  }
}
