import Foundation
import HTTPTypes
import Simulation
import Testing
import Trials

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

  @Test func figuresFromTodaysDataAreTheStoresConditionalOnes() async throws {
    let server = try await ServerHarness.make()
    try await server.run { client in
      let driver = TrialDriver(server: server, client: client, tokens: try await server.setUp(client))
      try await driver.cohortWithOneDLT(["S-01", "S-02", "S-03"])
      let token = try #require(driver.tokens["stat"])
      let scenario = "truth1=0.1&truth2=0.25&truth3=0.4&method=exact"
      let state = try await server.app.ledger.log(Self.trial).state
      let (_, figures) = try state.conditionalOperatingCharacteristics(
        group: "main", truth: [0.1, 0.25, 0.4])
      #expect(figures.treatedPatients == 3 && figures.observedDLTs == 1)
      let today = try await Self.post(client, Self.page + "/oc", token: token, form: scenario + "&from=today")
      #expect(today.status == .ok, "\(today.text.prefix(300))")
      #expect(today.text.contains(figures.summary.replacingOccurrences(of: "'", with: "&#39;")))
      #expect(today.text.contains("Selected as MTD"))
      // From the start, the same scenario says nothing of today's patients.
      let start = try await Self.post(client, Self.page + "/oc", token: token, form: scenario + "&from=start")
      #expect(start.status == .ok)
      #expect(!start.text.contains("From the trial"))
      let (_, predictive) = try state.predictiveOperatingCharacteristics(
        group: "main", prior: PredictivePrior())
      let shown = try await Self.post(
        client, Self.page + "/oc", token: token, form: scenario + "&from=predictive")
      #expect(shown.status == .ok)
      #expect(shown.text.contains(predictive.summary.replacingOccurrences(of: "'", with: "&#39;")))
      #expect(shown.text.contains("posterior predictive under independent Beta(1, 1)"))
      // Only exact figures start from today's data; the error is at the method field.
      let simulated = try await Self.post(
        client, Self.page + "/oc", token: token,
        form: "truth1=0.1&truth2=0.25&truth3=0.4&method=simulation&trials=2000&seed=1&from=today")
      #expect(simulated.status == .unprocessableContent)
      #expect(simulated.text.contains("aria-describedby=\"oc-method-error\""))
    }
  }
}
