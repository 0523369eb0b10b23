import Foundation
import HTTPTypes
import Testing

@testable import TrialServer

/// The design page of a trial's group: linked from the dashboard, with the design's settings,
/// the decision table and operating characteristics computed on request.
@Suite struct DesignPageTests {
  static let trial = ServerHarness.trial
  static let page = "/trials/\(ServerHarness.trial)/groups/main/design"

  static func post(_ client: Client, _ path: String, token: String, form: String) async throws
    -> Client.Answer
  {
    var headers = HTTPFields()
    headers[CSRF.header] = CSRF.token(forSession: token)
    return try await client.send(.post, path, cookie: token, form: form, headers: headers)
  }

  @Test func theDashboardLinksTheDesignPageWhichHasTheTable() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      let dashboard = try await client.send(.get, "/trials/\(Self.trial)", cookie: tokens["stat"])
      #expect(dashboard.text.contains("href=\"\(Self.page)\""))
      let page = try await client.send(.get, Self.page, cookie: tokens["stat"])
      #expect(page.status == .ok)
      #expect(page.text.contains("id=\"decision-table\""))
      #expect(page.text.contains("<th scope=\"row\">6</th>"), "3+3 decides at n = 3 and 6")
      #expect(page.text.contains("<span class=\"tag\">assumption</span>"))
      #expect(page.text.contains("label for=\"oc-truth1\""))
      #expect(!page.text.contains("<script>"), "no inline script")
    }
  }

  @Test func exactFiguresAreShownAndASimulationGetsItsJobPage() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let tokens = try await server.setUp(client)
      let token = try #require(tokens["stat"])
      let exact = try await Self.post(
        client, Self.page + "/oc", token: token,
        form: "truth1=0.1&truth2=0.25&truth3=0.4&method=exact&trials=10000&seed=1")
      #expect(exact.status == .ok, "\(exact.text.prefix(300))")
      #expect(exact.text.contains("Selected as MTD"))
      #expect(exact.text.contains("<svg"))
      #expect(exact.text.contains("(true MTD)"))
      let bad = try await Self.post(
        client, Self.page + "/oc", token: token, form: "truth1=0.1&truth2=2&truth3=0.4&method=exact")
      #expect(bad.status == .unprocessableContent)
      #expect(bad.text.contains("aria-describedby=\"oc-truth2-error\""), "the error at its field")
      let simulated = try await Self.post(
        client, Self.page + "/oc", token: token,
        form: "truth1=0.1&truth2=0.25&truth3=0.4&method=simulation&trials=2000&seed=3")
      #expect(simulated.status == .seeOther)
      let job = try #require(simulated.headers[.location])
      #expect(job.hasPrefix("/jobs/"))
      var shown = try await client.send(.get, job, cookie: token)
      for _ in 0..<300 where !shown.text.contains("Selected as MTD") {
        try await Task.sleep(for: .milliseconds(20))
        shown = try await client.send(.get, job, cookie: token)
      }
      #expect(shown.status == .ok)
      #expect(shown.text.contains("finished"))
      #expect(shown.text.contains("2000 of 2000 trials"))
      #expect(shown.text.contains("simulation of 2000 trials, seed 3"))
      let other = try await client.send(.get, job, cookie: tokens["monitor"])
      #expect(other.status == .notFound)
    }
  }
}
