import Foundation
import HTTPTypes
import Hummingbird
import Inputs
import Registry
import TrialModel
import TrialStore

/// A visitor's own page (`/mine`): saved searches and their outbox of notices, private notes with
/// their share links, and "forget everything"; the forms that save a search (from `/trials`) and
/// a note (from a record's page); and the page a shared note opens on (`/note/{id}`), behind
/// its passcode. None needs an account; see ``VisitorDesk``.
extension WebApp {
  struct MineView {
    var searches: [SavedSearchRow]
    var outbox: [OutboxRow]
    var notes: [NoteRow]
    var empty: Bool
    var retentionDays: Int
    var notice: String?
    var sharedLink: String?
    var error: String?
    var csrf: String?
  }

  struct SavedSearchRow {
    var id: String
    var summary: String
    var href: String
    var saved: String
  }

  struct OutboxRow {
    var subject: String
    var body: String
    var href: String
    var sent: String
  }

  struct NoteRow {
    var id: String
    var nctId: String
    var text: String
    var saved: String
    var erased: String
    var links: [String]
  }

  struct SharedView {
    var id: String
    var text: String?
    var nctId: String?
    var until: String?
    var error: String?
    var csrf: String?
  }

  var visitors: VisitorDesk {
    VisitorDesk(
      records: VisitorRecords(store: ledger.store), accounts: accounts, clock: ledger.clock,
      retentionDays: visitorRetentionDays)
  }

  func addVisitorPages(to router: Router<ServerContext>) {
    router.get("/mine") { request, context -> Response in
      try await minePage(key: VisitorDesk.key(request), context: context)
    }
    router.post("/mine/searches") { request, context -> Response in
      let query = try Self.registryQuery(request.uri.queryParameters)
      return try await keeping(request) { keep in
        _ = try await visitors.saveSearch(query, keep: keep)
        return "/mine?saved=search"
      }
    }
    router.post("/mine/notes") { request, context -> Response in
      let form = FormFields(String(decoding: try await Self.body(request, context: context), as: UTF8.self))
      let nct = try await registryEntry(form.first("nct") ?? "").record.nctId
      return try await keeping(request) { keep in
        _ = try await visitors.addNote(nctId: nct, text: form.first("text") ?? "", keep: keep)
        return "/registry/\(nct)#notes"
      }
    }
    router.post("/mine/searches/:id/delete") { request, context -> Response in
      try await deleting(request, context) { try await visitors.records.deleteSearch($0, keep: $1, at: $2) }
    }
    router.post("/mine/notes/:id/delete") { request, context -> Response in
      try await deleting(request, context) { try await visitors.records.deleteNote($0, keep: $1, at: $2) }
    }
    router.post("/mine/notes/:id/share") { request, context -> Response in
      let form = FormFields(String(decoding: try await Self.body(request, context: context), as: UTF8.self))
      try Self.requireSameOrigin(request)
      guard let key = VisitorDesk.key(request) else { return .redirect(to: "/mine", type: .normal) }
      do {
        let share = try await visitors.share(
          noteId: try context.parameters.require("id"),
          passcode: form.pairs.first { $0.name == "passcode" }?.value ?? "",
          days: form.first("days") ?? "", keep: VisitorDesk.keep(ofKey: key))
        return try await minePage(key: key, sharedLink: "/note/\(share.id)", context: context)
      } catch let error as InputError where error.kind != .notFound {
        return try await minePage(
          key: key, error: error.message, context: context, status: .unprocessableContent)
      }
    }
    router.post("/mine/forget") { request, _ -> Response in
      try Self.requireSameOrigin(request)
      if let key = VisitorDesk.key(request) {
        _ = try await visitors.records.forget(keep: VisitorDesk.keep(ofKey: key), at: ledger.clock())
      }
      var response = Response.redirect(to: "/mine?forgotten=1", type: .normal)
      response.setCookie(visitors.cookie("", secure: secureCookies, maxAge: 0))
      return response
    }
    router.get("/note/:id") { _, context -> Response in
      try await sharedPage(id: try context.parameters.require("id"), passcode: nil, context: context)
    }
    router.post("/note/:id") { request, context -> Response in
      let form = FormFields(String(decoding: try await Self.body(request, context: context), as: UTF8.self))
      return try await sharedPage(
        id: try context.parameters.require("id"),
        passcode: form.pairs.first { $0.name == "passcode" }?.value ?? "", context: context)
    }
  }

  /// Runs `body` with the visitor's keep, made (and its cookie set) when the visitor has none; then
  /// redirects where `body` says.
  func keeping(_ request: Request, _ body: (String) async throws -> String) async throws -> Response {
    try Self.requireSameOrigin(request)
    let existing = VisitorDesk.key(request)
    let key = existing ?? VisitorDesk.newKey()
    let next = try await body(VisitorDesk.keep(ofKey: key))
    var response = Response.redirect(to: next, type: .normal)
    if existing == nil { response.setCookie(visitors.cookie(key, secure: secureCookies)) }
    return response
  }

  func deleting(
    _ request: Request, _ context: ServerContext,
    _ delete: (String, String, Date) async throws -> Bool
  ) async throws -> Response {
    try Self.requireSameOrigin(request)
    let id = try context.parameters.require("id")
    guard let key = VisitorDesk.key(request),
      try await delete(id, VisitorDesk.keep(ofKey: key), ledger.clock())
    else {
      throw InputError(.notFound, field: "id", expected: "one of your saved searches or notes", found: id)
    }
    return .redirect(to: "/mine?deleted=1", type: .normal)
  }

  func minePage(
    key: String?, sharedLink: String? = nil, error: String? = nil, context: ServerContext,
    status: HTTPResponse.Status = .ok
  ) async throws -> Response {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate]
    var view = MineView(
      searches: [], outbox: [], notes: [], empty: true, retentionDays: visitorRetentionDays, notice: nil,
      sharedLink: sharedLink, error: error, csrf: context.csrfToken)
    if let key {
      let keep = VisitorDesk.keep(ofKey: key), now = ledger.clock(), records = visitors.records
      _ = try await ledger.store.deleteExpiredPersonalRecords(at: now)
      view.searches = try await records.searches(keep: keep, at: now).map {
        SavedSearchRow(
          id: $0.id, summary: $0.summary, href: Self.searchLink($0), saved: formatter.string(from: $0.savedAt)
        )
      }
      view.outbox = try await records.outbox(keep: keep, at: now).map {
        OutboxRow(
          subject: $0.subject, body: $0.body, href: "/registry/\($0.nctId)",
          sent: formatter.string(from: $0.createdAt))
      }
      let shares = try await records.shares(keep: keep, at: now)
      view.notes = try await records.notes(keep: keep, at: now).map { note, expiresAt in
        NoteRow(
          id: note.id, nctId: note.nctId, text: note.text, saved: formatter.string(from: note.createdAt),
          erased: formatter.string(from: expiresAt),
          links: shares.filter { $0.noteId == note.id }.map {
            "/note/\($0.id) (until \(formatter.string(from: $0.expiresAt)))"
          })
      }
      view.empty = view.searches.isEmpty && view.notes.isEmpty && view.outbox.isEmpty
    }
    return pages.page("mine", title: "What you keep here", data: view, context: context, status: status)
  }

  /// Refuses (403) a change to what a visitor keeps sent from another site's page.
  static func requireSameOrigin(_ request: Request) throws {
    guard VisitorDesk.isSameOrigin(request) else {
      throw InputError(
        .forbidden, field: "Origin", expected: "a form of this server", found: "a request from another site")
    }
  }

  /// A saved search as a link to its results on `/trials`.
  static func searchLink(_ s: SavedSearch) -> String {
    var items = [URLQueryItem(name: "q", value: s.text)]
    items += s.statuses.map { URLQueryItem(name: "status", value: $0) }
    items += s.phases.map { URLQueryItem(name: "phase", value: $0) }
    if let age = s.ageYears { items.append(URLQueryItem(name: "age", value: Quantity.format(age))) }
    if let sex = s.sex { items.append(URLQueryItem(name: "sex", value: sex.rawValue.lowercased())) }
    if let near = s.near {
      items.append(URLQueryItem(name: "near", value: "\(near.latitude),\(near.longitude)"))
    }
    if let within = s.withinKm {
      items.append(URLQueryItem(name: "withinKm", value: Quantity.format(within)))
    }
    var c = URLComponents()
    c.path = "/trials"
    c.queryItems = items
    return c.string ?? "/trials"
  }

  func sharedPage(id: String, passcode: String?, context: ServerContext) async throws -> Response {
    var view = SharedView(id: id, text: nil, nctId: nil, until: nil, error: nil, csrf: context.csrfToken)
    var status: HTTPResponse.Status = .ok
    if let passcode {
      do {
        let (note, until) = try await visitors.open(shareId: id, passcode: passcode)
        view.text = note.text
        view.nctId = note.nctId
        view.until = ISO8601DateFormatter().string(from: until)
      } catch let error as InputError {
        view.error = error.kind == .forbidden ? "Wrong passcode." : "This link has expired or does not exist."
        status = error.kind == .forbidden ? .forbidden : .notFound
      }
    }
    return pages.page("shared", title: "A shared note", data: view, context: context, status: status)
  }
}
