import Foundation
import HTTPTypes
import Hummingbird
import Inputs
import Registry

/// The public contact form of a registry record (to one of the sites conducting it on this server)
/// and each site's inbox of the requests sent to it (its coordinators and investigators only).
extension WebApp {
  struct ContactView {
    var nctId: String
    var title: String
    var sites: [Choice]
    var canSend: Bool
    var name: String
    var contact: String
    var message: String
    var retentionDays: Int
    var error: String?
    var sent: Bool
    var sentTo: String
    var csrf: String?
  }

  struct InboxView {
    var site: String
    var requests: [InboxRequest]
    var empty: Bool
    var retentionDays: Int
    var notice: String?
    var error: String?
    var csrf: String?
  }

  struct InboxRequest {
    var id: String
    var nctId: String
    var trial: String
    var received: String
    var erased: String
    var name: String
    var contact: String
    var message: String?
  }

  var contacts: ContactDesk {
    ContactDesk(ledger: ledger, accounts: accounts, retentionDays: contactRetentionDays)
  }

  func addContactPages(to router: Router<ServerContext>) {
    router.get("/registry/:nct/contact") { _, context -> Response in
      try await contactPage(try context.parameters.require("nct"), fields: [:], context: context)
    }
    router.post("/registry/:nct/contact") { request, context -> Response in
      let form = FormFields(String(decoding: try await Self.body(request, context: context), as: UTF8.self))
      var fields: [String: String] = [:]
      for name in ["site", "name", "contact", "message", "consent"] { fields[name] = form.first(name) }
      return try await contactPage(try context.parameters.require("nct"), fields: fields, context: context)
    }
    router.get("/inbox") { request, context -> Response in
      try await inboxPage(
        notice: request.uri.queryParameters.get("erased").map { _ in "Request erased." },
        error: nil, context: context)
    }
    router.post("/inbox/:id/erase") { request, context -> Response in
      let user = try context.require(.readContactRequests)
      let site = try Self.inboxSite(user)
      let form = FormFields(String(decoding: try await Self.body(request, context: context), as: UTF8.self))
      do {
        try await contacts.delete(
          try context.parameters.require("id"), site: site, by: user.username,
          reason: form.first("reason") ?? "")
      } catch let error as InputError where error.kind != .notFound {
        return try await inboxPage(
          notice: nil, error: "\(error.message)", context: context,
          status: .unprocessableContent)
      }
      return .redirect(to: "/inbox?erased=1", type: .normal)
    }
  }

  static func inboxSite(_ user: Accounts.User) throws -> String {
    guard let site = user.site else {
      throw Problem(
        .forbidden, title: "No site", detail: "an inbox belongs to a site; this user has none", field: "site")
    }
    return site
  }

  func contactPage(_ nct: String, fields: [String: String], context: ServerContext) async throws -> Response {
    let entry = try await registryEntry(nct)
    let destinations = try await contacts.destinations(for: nct)
    var view = ContactView(
      nctId: nct, title: entry.record.briefTitle,
      sites: destinations.map {
        Choice(value: $0.site, label: "\($0.name) (\($0.site))", selected: fields["site"] == $0.site)
      }, canSend: !destinations.isEmpty, name: fields["name"] ?? "", contact: fields["contact"] ?? "",
      message: fields["message"] ?? "", retentionDays: contactRetentionDays, error: nil, sent: false,
      sentTo: "",
      csrf: context.csrfToken)
    var status: HTTPResponse.Status = .ok
    if !fields.isEmpty {
      do {
        let request = try await contacts.send(fields, nctId: nct, address: nil)
        view.sent = true
        view.sentTo =
          destinations.first { $0.site == request.site }.map { "\($0.name) (\($0.site))" } ?? request.site
        view.name = ""
        view.contact = ""
        view.message = ""
      } catch let error as InputError where error.kind != .notFound {
        view.error = "\(error.message)"
        status = .unprocessableContent
      }
    }
    return pages.page(
      "contact", title: "Ask a study team to contact me: \(nct)", data: view, context: context, status: status
    )
  }

  func inboxPage(
    notice: String?, error: String?, context: ServerContext, status: HTTPResponse.Status = .ok
  ) async throws -> Response {
    let user = try context.require(.readContactRequests)
    let site = try Self.inboxSite(user)
    let requests = try await contacts.inbox(site: site).map {
      InboxRequest(
        id: $0.id, nctId: $0.nctId, trial: $0.trial, received: Self.minute($0.receivedAt),
        erased: Self.minute($0.expiresAt), name: $0.name, contact: $0.contact,
        message: $0.message.isEmpty ? nil : $0.message)
    }
    return pages.page(
      "inbox", title: "Contact requests for site \(site)",
      data: InboxView(
        site: site, requests: requests, empty: requests.isEmpty, retentionDays: contactRetentionDays,
        notice: notice,
        error: error, csrf: context.csrfToken), context: context, status: status)
  }

  /// `2026-12-03 15:04 UTC`.
  static func minute(_ date: Date) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    return String(format: "%04d-%02d-%02d %02d:%02d UTC", c.year!, c.month!, c.day!, c.hour!, c.minute!)
  }
}
