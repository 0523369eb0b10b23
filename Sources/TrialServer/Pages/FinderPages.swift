import Foundation
import Hummingbird
import Inputs
import Registry
import TrialStore

/// The trial finder, public: the search form and its hits (on `/trials`, above a signed-in
/// user's own trials), and a page per registry record with its sites, criteria and related trials.
extension WebApp {
  struct FinderView {
    var q: String
    var age: String
    var near: String
    var withinKm: String
    var statuses: [Choice]
    var phases: [Choice]
    var sexes: [Choice]
    var searched: Bool
    var summary: String
    var hits: [FinderHit]
    var previous: String?
    var next: String?
    var errors: [String]
    var registrySize: Int
    /// Where the form that saves this search posts (its query in the address).
    var saveAction: String?
  }

  struct Choice {
    var value: String
    var label: String
    var selected: Bool
  }

  struct FinderHit {
    var nctId: String
    var href: String
    var title: String
    var status: String
    var phases: String
    var matches: [MatchView]
    var site: String?
  }

  struct MatchView {
    var field: String
    var html: String
  }

  struct RegistryTrialView {
    var nctId: String
    var title: String
    var officialTitle: String?
    var status: String
    var phases: String
    var sponsor: String
    var conditions: String
    var ages: String
    var sex: String
    var summary: String
    var sites: [RegistrySiteRow]
    var inclusion: [RegistryCriterionRow]
    var exclusion: [RegistryCriterionRow]
    var related: [RelatedRow]
    var imported: String
    var registryHref: String
    /// The visitor's own notes on this record (``VisitorDesk``).
    var notes: [String] = []
    var csrf: String? = nil
  }

  struct RegistrySiteRow {
    var place: String
    var status: String
    var distance: String?
  }

  struct RegistryCriterionRow {
    var id: String
    var text: String
  }

  struct RelatedRow {
    var href: String
    var nctId: String
    var title: String
    var similarity: String
    var shared: String
  }

  func addFinderPages(to router: Router<ServerContext>) {
    router.get("/registry/:nct") { request, context -> Response in
      let nct = try context.parameters.require("nct")
      let near = request.uri.queryParameters.get("near").flatMap { GeoPoint(text: $0) }
      var view = try await registryTrial(try await registryEntry(nct), near: near)
      view.csrf = context.csrfToken
      if let key = VisitorDesk.key(request) {
        view.notes = try await visitors.records.notes(
          keep: VisitorDesk.keep(ofKey: key), nctId: view.nctId, at: ledger.clock()
        ).map(\.note.text)
      }
      return pages.page("registrytrial", title: view.title, data: view, context: context)
    }
  }

  /// The finder for the query parameters of a request: the form as filled, and the hits when
  /// anything was asked; refused parameters shown, each naming its field.
  func finder(_ p: Parameters) async throws -> FinderView {
    let asked = ["q", "status", "phase", "age", "sex", "near", "withinKm", "page", "pageSize"].contains {
      !(p.getAll($0).allSatisfy(\.isEmpty))
    }
    let index = try await registry.index()
    var view = FinderView(
      q: p.get("q").map { $0.replacingOccurrences(of: "+", with: " ") } ?? "", age: p.get("age") ?? "",
      near: p.get("near") ?? "", withinKm: p.get("withinKm") ?? "",
      statuses: Self.choices(SearchQuery.knownStatuses, chosen: p.getAll("status"), label: StatusText.words),
      phases: Self.choices(SearchQuery.knownPhases, chosen: p.getAll("phase"), label: StatusText.words),
      sexes: Self.choices(["female", "male"], chosen: p.getAll("sex"), label: { $0 }),
      searched: asked, summary: "", hits: [], previous: nil, next: nil, errors: [], registrySize: index.count,
      saveAction: nil)
    guard asked else { return view }
    do {
      let query = try Self.registryQuery(p)
      let results = try index.search(query)
      let pages = max(1, (results.total + results.pageSize - 1) / results.pageSize)
      view.summary =
        "\(results.total) trial\(results.total == 1 ? "" : "s") found, page \(results.page) of \(pages)"
      view.hits = results.hits.map(Self.finderHit)
      if results.page > 1 { view.previous = Self.pageLink(p, page: results.page - 1) }
      if results.page < pages { view.next = Self.pageLink(p, page: results.page + 1) }
      view.saveAction = Self.pageLink(p, page: nil, path: "/mine/searches")
    } catch let errors as InputErrors {
      view.errors = errors.errors.map(\.message)
    }
    return view
  }

  static func choices(_ values: [String], chosen: [String], label: (String) -> String) -> [Choice] {
    let picked = Set(chosen.map { $0.uppercased() })
    return values.map { Choice(value: $0, label: label($0), selected: picked.contains($0.uppercased())) }
  }

  static func finderHit(_ hit: SearchHit) -> FinderHit {
    let l = hit.listing
    var site: String?
    if let s = hit.nearestSite, let km = hit.distanceKm {
      site = "\(s.place) — \(String(format: "%.0f", km)) km"
    }
    return FinderHit(
      nctId: l.nctId, href: "/registry/\(l.nctId)", title: l.title, status: StatusText.words(l.status),
      phases: l.phases.map(StatusText.words).joined(separator: ", "),
      matches: hit.matches.map {
        MatchView(field: $0.field.rawValue, html: Self.markedHTML($0.passage, marks: $0.marks))
      },
      site: site)
  }

  /// `passage` as HTML, its marked words in `<mark>`.
  static func markedHTML(_ passage: String, marks: [Range<Int>]) -> String {
    let chars = Array(passage)
    var html = ""
    var i = 0
    for mark in marks.sorted(by: { $0.lowerBound < $1.lowerBound }) where mark.lowerBound >= i {
      html += escape(String(chars[i..<mark.lowerBound])) + "<mark>" + escape(String(chars[mark])) + "</mark>"
      i = mark.upperBound
    }
    return html + escape(String(chars[i...]))
  }

  static func escape(_ text: String) -> String {
    var out = ""
    for c in text {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.append(c)
      }
    }
    return out
  }

  /// The same search, another page.
  static func pageLink(_ p: Parameters, page: Int?, path: String = "/trials") -> String {
    var items = p.filter { $0.key != "page" }.map {
      URLQueryItem(name: String($0.key), value: String($0.value))
    }
    if let page { items.append(URLQueryItem(name: "page", value: "\(page)")) }
    var c = URLComponents()
    c.path = path
    c.queryItems = items
    return c.string ?? path
  }

  func registryTrial(_ entry: RegistryBook.Entry, near: GeoPoint?) async throws -> RegistryTrialView {
    let r = entry.record
    let listing = RegistryListing(r)
    let criteria = CriteriaSplitter.split(r.eligibility.criteria)
    let related = try await registry.related().related(to: r.nctId, limit: 5)
    let formatter = ISO8601DateFormatter()
    let ages: String
    switch (listing.minimumAge, listing.maximumAge) {
    case (nil, nil): ages = "no age limit"
    case (let low?, nil): ages = "\(low) and older"
    case (nil, let high?): ages = "up to \(high)"
    case (let low?, let high?): ages = "\(low) to \(high)"
    }
    return RegistryTrialView(
      nctId: r.nctId, title: r.briefTitle, officialTitle: r.officialTitle,
      status: StatusText.words(listing.status),
      phases: listing.phases.map(StatusText.words).joined(separator: ", "),
      sponsor: ([r.leadSponsor] + r.collaborators).joined(separator: "; "),
      conditions: r.conditions.joined(separator: "; "), ages: ages,
      sex: listing.sex == .all ? "all" : listing.sex.rawValue.lowercased(), summary: r.briefSummary ?? "",
      sites: listing.sites.map { s in
        RegistrySiteRow(
          place: s.place, status: s.status.map(StatusText.words) ?? "",
          distance: near.flatMap { n in s.point.map { String(format: "%.0f km", $0.distanceKm(to: n)) } })
      },
      inclusion: criteria.filter { $0.kind == .inclusion }.map {
        RegistryCriterionRow(id: $0.id, text: $0.text)
      },
      exclusion: criteria.filter { $0.kind == .exclusion }.map {
        RegistryCriterionRow(id: $0.id, text: $0.text)
      },
      related: related.map { m in
        RelatedRow(
          href: "/registry/\(m.listing.nctId)", nctId: m.listing.nctId, title: m.listing.title,
          similarity: String(format: "%.2f", m.similarity),
          shared: RelatedTrials.Feature.allCases.compactMap { f in
            m.shared[f].map { "\(f.rawValue): \($0.joined(separator: ", "))" }
          }.joined(separator: "; "))
      },
      imported:
        "version \(entry.version), imported \(formatter.string(from: entry.importedAt)) by \(entry.importedBy)",
      registryHref: "https://clinicaltrials.gov/study/\(r.nctId)")
  }
}

/// Registry words for people: `NOT_YET_RECRUITING` → "not yet recruiting", `PHASE1` → "phase 1".
enum StatusText {
  static func words(_ code: String) -> String {
    if code == "EARLY_PHASE1" { return "early phase 1" }
    if code == "NA" { return "not applicable" }
    if code.hasPrefix("PHASE") { return "phase " + code.dropFirst(5) }
    return code.replacingOccurrences(of: "_", with: " ").lowercased()
  }
}
