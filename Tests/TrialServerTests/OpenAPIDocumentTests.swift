import Foundation
import Testing

@testable import TrialServer

/// The OpenAPI document kept in the repository describes exactly the API the router serves.
@Suite struct OpenAPIDocumentTests {
  @Test func everyAPIRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.bytes)) as? [String: Any])
    #expect(document["openapi"] as? String == "3.1.0")
    let paths = try #require(document["paths"] as? [String: [String: Any]])
    let methods: Set<String> = ["get", "post", "put", "patch", "delete"]
    let documented = Set(
      paths.flatMap { path, operations in
        operations.keys.filter(methods.contains).map { "\($0.uppercased()) \(path)" }
      })
    let server = try await ServerHarness.make()
    let served = Set(
      server.app.router().routes.map { "\($0.method) \($0.path)" }.filter {
        $0.contains(" /api/") || $0.hasSuffix(" /openapi.json") || $0.hasSuffix(" /healthz")
      })
    #expect(!served.isEmpty)
    #expect(served.subtracting(documented).sorted() == [], "served but not documented")
    #expect(documented.subtracting(served).sorted() == [], "documented but not served")
  }
}
