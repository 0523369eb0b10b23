import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import TrialConduct
import TrialStore

/// The web application: the JSON API under `/api/v1`, the pages, and the middleware that signs
/// users in, checks CSRF tokens and sets security headers. Every route calls the conduct ledger
/// (``TrialLedger``) and the accounts (``AccountBook``) — the same application layer the CLI uses.
public struct WebApp: Sendable {
  public let ledger: TrialLedger
  public let accounts: AccountBook
  /// The local registry of ClinicalTrials.gov records, on the ledger's database.
  public let registry: RegistryBook
  let pages: PageRenderer
  /// The simulations this process runs for its users.
  let jobs: SimulationJobs
  /// `Secure` cookies (set when the server is reached over TLS, e.g. behind a proxy).
  public var secureCookies: Bool
  /// Days a visitor's contact request is kept at most (erased earlier when the site erases it).
  public var contactRetentionDays = 90
  /// Days a visitor's saved searches, notices and private notes are kept at most.
  public var visitorRetentionDays = 180

  public init(ledger: TrialLedger, accounts: AccountBook, secureCookies: Bool = false) async throws {
    try await self.init(
      ledger: ledger, accounts: accounts, jobs: SimulationJobs(), secureCookies: secureCookies)
  }

  init(ledger: TrialLedger, accounts: AccountBook, jobs: SimulationJobs, secureCookies: Bool = false)
    async throws
  {
    self.ledger = ledger
    self.accounts = accounts
    self.registry = RegistryBook(store: ledger.store)
    self.jobs = jobs
    self.pages = try await PageRenderer()
    self.secureCookies = secureCookies
  }

  /// The router with every route and middleware.
  public func router() -> Router<ServerContext> {
    // HEAD answers as GET without the body (monitoring probes and link checkers send it).
    let router = Router(context: ServerContext.self, options: .autoGenerateHeadEndpoints)
    router.addMiddleware {
      RequestLogMiddleware()
      SecurityHeadersMiddleware<ServerContext>()
      ProblemMiddleware(pages: pages)
      SessionMiddleware(accounts: accounts)
      CSRFMiddleware()
    }
    StaticFiles.add(to: router)
    addSessionRoutes(to: router)
    addTrialRoutes(to: router)
    addCommandRoutes(to: router)
    addDesignRoutes(to: router)
    addJobRoutes(to: router)
    addAdminRoutes(to: router)
    addRegistryRoutes(to: router)
    addExportRoutes(to: router)
    addPages(to: router)
    router.get("/openapi.json") { _, _ in OpenAPIDocument.response() }
    router.get("/healthz") { _, _ in "ok" }
    return router
  }

  /// The application listening on `host:port`.
  public func application(
    host: String, port: Int, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
  )
    -> some ApplicationProtocol
  {
    Application(
      router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "cartrial"),
      services: [PersonalRecordPurge(store: ledger.store, clock: ledger.clock, logger: logger)],
      onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
      logger: logger)
  }
}

extension WebApp {
  /// The `Idempotency-Key` header or a form's `idempotencyKey` field, with the fingerprint of the
  /// request (`KEY|SHA-256 of method, path and body`): a retry of the same request gets the events
  /// it recorded the first time; the same key on another request is refused (409).
  static func idempotencyKey(_ request: Request, body: [UInt8], form: FormFields? = nil) throws -> String? {
    guard let key = request.headers[HTTPField.Name("Idempotency-Key")!] ?? form?.first("idempotencyKey")
    else {
      return nil
    }
    guard (1...128).contains(key.utf8.count), !key.contains("|") else {
      throw Problem(
        .unprocessableContent, title: "Invalid idempotency key",
        detail: "expected 1 to 128 characters, without '|'",
        field: "idempotencyKey", expected: "1 to 128 characters, without '|'",
        found: "\(key.utf8.count) characters")
    }
    var bytes = Array("\(request.method.rawValue) \(request.uri.path)\n".utf8)
    if let form {
      // A form's body carries the CSRF token, which changes with the session: leave it out.
      bytes += Array(
        form.pairs.filter { $0.name != CSRF.field }.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
          .utf8)
    } else {
      bytes += body
    }
    let fingerprint = SHA256.hash(data: bytes).prefix(16).map { String(format: "%02x", $0) }.joined()
    return "\(key)|\(fingerprint)"
  }

  /// The request's body, whole.
  static func body(_ request: Request, context: ServerContext) async throws -> [UInt8] {
    var request = request
    let buffer = try await request.collectBody(upTo: context.maxUploadSize)
    return Array(buffer.readableBytesView)
  }

  /// A JSON response (sorted keys).
  static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
    var headers = HTTPFields()
    headers[.contentType] = "application/json; charset=utf-8"
    return Response(
      status: status, headers: headers,
      body: .init(byteBuffer: ByteBuffer(bytes: try EventCoding.encoder().encode(value))))
  }
}
