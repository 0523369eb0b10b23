import Foundation
import Testing

/// The conduct commands end to end on a real SQLite file: open, screen, attest, consent, enrol,
/// infuse, record, adjudicate, the design's recommendation confirmed, audit log and verify.
@Suite(.serialized) struct ConductCLITests {
  let trial = "NCT05350787"

  /// Screens, attests, consents and enrols `id`; returns the enrolment's run.
  func enrol(_ f: ConductFixture, _ id: String) throws -> CLIRunner.Result {
    let patient = try f.eligiblePatient(id)
    #expect(f.run(["subject", "screen", trial, "--subject", id, "--patient", patient]).status == 0)
    #expect(
      f.run([
        "subject", "attest", trial, "--subject", id, "--criterion", "I7", "--criterion", "E12", "--role",
        "investigator",
      ])
      .status == 0)
    #expect(f.run(["subject", "consent", trial, "--subject", id, "--date", "2026-11-16"]).status == 0)
    return f.run(["subject", "enroll", trial, "--subject", id])
  }

  @Test func aCohortRunsFromEnrolmentToAConfirmedDecision() throws {
    let f = try ConductFixture()
    let opened = f.run(["trial", "open", "--protocol", trial, "--role", "administrator"])
    #expect(opened.status == 0, "\(opened.stderr)")
    #expect(opened.stdout.contains("opened NCT05350787 on protocol NCT05350787 (sha256 "))

    for id in ["S-1", "S-2", "S-3"] {
      let run = try enrol(f, id)
      #expect(run.status == 0, "\(run.stderr)")
      #expect(run.stdout.contains("\(id) enrolled in group"))
      #expect(run.stdout.contains("cohort 1 at level 1"))
    }
    let fourth = try enrol(f, "S-4")
    #expect(fourth.status != 0)
    #expect(
      fourth.stderr.contains("expected a cohort with a free slot, found cohort 1 at level 1 is full (3 of 3)")
    )

    for id in ["S-1", "S-2", "S-3"] {
      let infused = f.run([
        "subject", "infuse", trial, "--subject", id, "--date", "2026-11-25", "--weight-kg", "58",
      ])
      #expect(infused.status == 0, "\(infused.stderr)")
    }
    let twice = f.run([
      "subject", "infuse", trial, "--subject", "S-1", "--date", "2026-11-26", "--weight-kg", "58",
    ])
    #expect(twice.status != 0)
    #expect(twice.stderr.contains("expected a subject not yet infused, found S-1 was infused on 2026-11-25"))

    let crs = try f.file("crs.json", #"{"day": 3, "crsGrade": 4}"#)
    #expect(f.run(["subject", "record", trial, "--subject", "S-1", "--entry", crs]).status == 0)
    #expect(f.run(["subject", "record", trial, "--subject", "S-2", "--entry", crs]).status == 0)
    let early = f.run([
      "subject", "adjudicate", trial, "--subject", "S-3", "--outcome", "noDlt", "--role", "investigator",
    ])
    #expect(early.status != 0)
    #expect(early.stderr.contains("expected no DLT only once the DLT window has closed (day 28"))

    #expect(f.run(["subject", "adjudicate", trial, "--subject", "S-1", "--outcome", "dlt"]).status == 0)
    let second = f.run([
      "subject", "adjudicate", trial, "--subject", "S-2", "--outcome", "dlt", "--format", "json",
    ])
    #expect(second.status == 0, "\(second.stderr)")
    // Two DLTs among three decide 3+3 whatever the third patient's outcome: the system recommends.
    let written = try #require(
      try JSONSerialization.jsonObject(with: Data(second.stdout.utf8)) as? [[String: Any]])
    #expect(written.map { $0["kind"] as? String } == ["dltAdjudicated", "recommendationMade"])

    let status = f.run(["trial", "status", trial, "--format", "json"])
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
    #expect(json["trial"] as? String == trial)
    #expect((json["protocolHash"] as? String)?.count == 64)
    let group = try #require((json["groups"] as? [[String: Any]])?.first)
    let levels = try #require(group["levels"] as? [[String: Any]])
    #expect(levels.first { $0["level"] as? Int == 1 }?["dlts"] as? Int == 2)
    #expect(levels.first { $0["level"] as? Int == 1 }?["patients"] as? Int == 2)
    let recommendation = try #require(group["recommendation"] as? [String: Any])
    #expect(recommendation["status"] as? String == "awaitingDecision")
    #expect(!(recommendation["explanation"] as? [String] ?? []).isEmpty)
    let subjects = try #require(json["subjects"] as? [[String: Any]])
    #expect(subjects.map { $0["id"] as? String } == ["S-1", "S-2", "S-3", "S-4"])
    #expect(subjects[2]["status"] as? String == "inDLTWindow")

    let confirm = f.run(["decision", "confirm", trial, "--group", "main", "--role", "investigator"])
    #expect(confirm.status == 0, "\(confirm.stderr)")

    let verify = f.run(["audit", "verify", trial])
    #expect(verify.status == 0, "\(verify.stderr)")
    #expect(verify.stdout.contains("intact"))
    #expect(verify.stdout.contains("1 checkpoints checked"))

    let csv = f.run(["audit", "log", trial, "--format", "csv"])
    let lines = csv.stdout.split(separator: "\n")
    #expect(lines.first == "sequence,recordedAt,clinicalDate,actor,role,site,kind,summary,hash,previousHash")
    #expect(lines.count > 20)
    #expect(csv.stdout.contains("T. Tester"))

    let rebuilt = f.run(["trial", "rebuild", trial])
    #expect(rebuilt.stdout.contains("the cached state agreed"), "\(rebuilt.stdout)\(rebuilt.stderr)")
  }
}
