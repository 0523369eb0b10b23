import Hummingbird

/// Every page's routes. Adding a page: its template in `Resources/Templates`, its view and routes
/// in a file here, and one line below.
extension WebApp {
  func addPages(to router: Router<ServerContext>) {
    addAuthPages(to: router)
    addTrialPages(to: router)
    addSubjectPages(to: router)
    addAuditPages(to: router)
    addAdminPages(to: router)
    addTodoPage(to: router)
    addDesignPages(to: router)
    addJobPages(to: router)
    addFinderPages(to: router)
    addPreScreenPages(to: router)
    addContactPages(to: router)
    addFitPages(to: router)
    addVisitorPages(to: router)
    router.get("/trials/:trial/report") { _, context -> Response in
      _ = try context.require(.viewReports)
      return try await reportPage(try context.parameters.require("trial"))
    }
  }
}
