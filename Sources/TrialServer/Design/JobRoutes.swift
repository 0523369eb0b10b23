import Hummingbird
import Inputs

/// `/api/v1/jobs/{job}`: a simulation job of the signed-in user (another user's is not found).
extension WebApp {
  func addJobRoutes(to router: Router<ServerContext>) {
    router.get("/api/v1/jobs/:job") { _, context -> Response in
      let user = try context.require(.viewDesigns)
      return try Self.json(
        JobAnswer(try await jobs.job(try context.parameters.require("job"), owner: user.username)))
    }
    router.delete("/api/v1/jobs/:job") { _, context -> Response in
      let user = try context.require(.viewDesigns)
      return try Self.json(
        JobAnswer(try await jobs.cancel(try context.parameters.require("job"), owner: user.username)))
    }
  }
}
