import Exports
import Foundation
import HTTPTypes
import Hummingbird
import Inputs
import TrialConduct

/// `GET /api/v1/trials/{trial}/exports/{format}`: the trial's data as CDISC SDTM (`?domain=DM`,
/// one CSV), HL7 FHIR R4 (a JSON Bundle) or CDISC ODM 1.3.2 (XML with the audit trail), with only
/// the subjects the user may see: a coordinator or investigator their own site's; `?site=S` asks
/// for one site (their own only, for them).
extension WebApp {
  func addExportRoutes(to router: Router<ServerContext>) {
    router.get("/api/v1/trials/:trial/exports/:format") { request, context -> Response in
      let user = try context.require(.viewSubjects)
      let log = try await ledger.log(try context.parameters.require("trial"))
      let text = try context.parameters.require("format")
      guard let format = TrialExport.Format(rawValue: text) else {
        throw InputError.notOneOf("format", allowed: TrialExport.Format.allCases.map(\.rawValue), found: text)
      }
      let q = request.uri.queryParameters
      let viewer = Viewer(user: user)
      var visible: (String?) -> Bool = { viewer.sees(site: $0) }
      if let site = q.get("site") {
        guard log.state.sites[site] != nil else {
          throw InputError(
            .notFound, field: "site", expected: "a site of trial \(log.state.trial)", found: site)
        }
        guard viewer.sees(site: site) else {
          throw Problem(
            .forbidden, title: "Not permitted",
            detail: "a \(user.role.rawValue) of \(user.site ?? "no site") may not export site \(site)",
            field: "site")
        }
        visible = { $0 == site }
      }
      var files = try TrialExport.files(
        format, state: log.state.restricted(toSites: visible), events: log.events)
      if format == .sdtm {
        let domains = files.map { $0.name.replacingOccurrences(of: ".csv", with: "").uppercased() }
        guard let domain = q.get("domain")?.uppercased(), let at = domains.firstIndex(of: domain) else {
          throw InputError.notOneOf("domain", allowed: domains, found: q.get("domain") ?? "nothing")
        }
        files = [files[at]]
      }
      let file = files[0]
      var headers = HTTPFields()
      headers[.contentType] = file.mediaType
      headers[.contentDisposition] = "attachment; filename=\"\(file.name)\""
      return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: file.text)))
    }
  }
}
