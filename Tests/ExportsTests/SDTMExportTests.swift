import Foundation
import ProtocolFiles
import Testing
import TrialConduct
import TrialModel

@testable import Exports

/// A demo trial played into an in-memory log, once for the suite.
private actor DemoLog {
  static let shared = DemoLog()
  static let start = CalendarDate(iso: "2027-01-04")!
  private var played: Task<TrialLog, any Error>?

  func log() async throws -> TrialLog {
    if let played { return try await played.value }
    let task = Task { try await Self.play("NCT05270772", seed: 2026) }
    played = task
    return try await task.value
  }

  static func play(_ id: String, seed: UInt64) async throws -> TrialLog {
    let url = try #require(BundledProtocols.url(forID: id))
    let text = try String(contentsOf: url, encoding: .utf8)
    let opening = try TrialLog.opening(
      trial: id, protocolText: text, protocolHash: String(repeating: "0", count: 64),
      by: Actor(name: "A. Admin", role: .administrator),
      at: Date(timeIntervalSince1970: Double(start.dayNumber * 86_400)))
    var log = try TrialLog([RecordedEvent(sequence: 1, event: opening)])
    _ = try await DemoTrial.play(opened: log.state, seed: seed, start: start) { command, actor, time, today in
      try log.record(command, by: actor, at: time, today: today)
      return log.state
    }
    return log
  }
}

@Suite struct SDTMExportTests {
  /// The suite's demo trial, for the other suites.
  static func demoState() async throws -> TrialState { try await DemoLog.shared.log().state }
  static func demoLog() async throws -> TrialLog { try await DemoLog.shared.log() }

  /// SDTMIG 3.4 "Req" variables: DM §5.2, EX §6.1.4, AE §6.2.1.
  static let required: [String: [String]] = [
    "DM": ["STUDYID", "DOMAIN", "USUBJID", "SUBJID", "SITEID", "SEX", "COUNTRY"],
    "EX": ["STUDYID", "DOMAIN", "USUBJID", "EXSEQ", "EXTRT"],
    "AE": ["STUDYID", "DOMAIN", "USUBJID", "AESEQ", "AETERM", "AEDECOD"],
  ]
  /// SDTMIG 3.4 "Exp" variables the trial's data supports.
  static let expected: [String: [String]] = [
    "DM": [
      "RFSTDTC", "RFENDTC", "RFXSTDTC", "RFXENDTC", "RFICDTC", "DTHDTC", "DTHFL", "BRTHDTC", "ARMCD", "ARM",
      "ACTARMCD", "ACTARM", "ARMNRS",
    ],
    "EX": ["EXDOSE", "EXDOSU", "EXSTDTC", "EXENDTC", "EXSTDY", "EXENDY"],
    "AE": ["AESTDTC", "AESTDY", "AESER", "AEREL", "AEOUT"],
  ]

  /// Study days by hand (SDTMIG 3.4 §4.4.4): the reference day is day 1, the day before is −1.
  @Test func studyDaysHaveNoDayZero() {
    let ref = CalendarDate(iso: "2027-01-04")!
    #expect(SDTMStudyDay.day(CalendarDate(iso: "2027-01-04")!, reference: ref) == 1)
    #expect(SDTMStudyDay.day(CalendarDate(iso: "2027-01-03")!, reference: ref) == -1)
    #expect(SDTMStudyDay.day(CalendarDate(iso: "2027-02-01")!, reference: ref) == 29)
    #expect(SDTMStudyDay.day(CalendarDate(iso: "2026-12-28")!, reference: ref) == -7)
  }

  @Test func csvQuotesWhatNeedsQuoting() {
    let d = SDTMDataset(domain: "AE", variables: ["A", "B"], rows: [["x, y", "say \"hi\""]])
    #expect(d.csv == "A,B\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n")
  }

  @Test func everyDomainHasItsRequiredAndExpectedVariables() async throws {
    let state = try await DemoLog.shared.log().state
    let datasets = SDTMExport.datasets(state)
    #expect(Set(datasets.map(\.domain)) == ["DM", "EX", "AE"])
    for d in datasets {
      let missing = (Self.required[d.domain]! + Self.expected[d.domain]!).filter { !d.variables.contains($0) }
      #expect(missing.isEmpty, "\(d.domain) lacks \(missing)")
      #expect(!d.rows.isEmpty && d.rows.allSatisfy { $0.count == d.variables.count })
      #expect(d.column("DOMAIN").allSatisfy { $0 == d.domain })
      for usubjid in d.column("USUBJID") { #expect(usubjid.hasPrefix("\(state.trial)-")) }
    }
  }

  @Test func rowsFollowTheLog() async throws {
    let log = try await DemoLog.shared.log()
    let state = log.state
    // Recomputed from the events, not the fold: subjects screened, infused, agents given.
    var screened = Set<String>(), infused = [String: Infused](), agents = [String: Int]()
    for e in log.events.map(\.event.body) {
      switch e {
      case .subjectScreened(let s): screened.insert(s.subject)
      case .infused(let i): infused[i.subject] = i
      case .lymphodepletionGiven(let l): agents[l.subject] = l.agents.count
      default: break
      }
    }
    let dm = SDTMExport.demographics(state), ex = SDTMExport.exposure(state)
    #expect(dm.rows.count == screened.count && !screened.isEmpty)
    #expect(Set(dm.column("SUBJID")) == screened)
    #expect(ex.rows.count == infused.count + agents.values.reduce(0, +))
    // RFSTDTC is the infusion date; the infusion is study day 1, lymphodepletion before it negative.
    let usubjids = dm.column("USUBJID"), rfstdtc = dm.column("RFSTDTC")
    for (subject, i) in infused {
      #expect(rfstdtc[usubjids.firstIndex(of: "\(state.trial)-\(subject)")!] == i.date.description)
    }
    let carT = ex.rows.indices.filter { ex.column("EXCAT")[$0] == "CAR-T" }
    #expect(carT.count == infused.count)
    for r in carT {
      #expect(ex.column("EXSTDY")[r] == "1")
      let subject = String(ex.column("USUBJID")[r].dropFirst(state.trial.count + 1))
      #expect(Double(ex.column("EXDOSE")[r]) == infused[subject]!.dose.cellsPerKg)
    }
    let ld = ex.rows.indices.filter { ex.column("EXCAT")[$0] == "LYMPHODEPLETION" }
    #expect(!ld.isEmpty && ld.allSatisfy { Int(ex.column("EXSTDY")[$0])! < 0 })
    #expect(ex.column("EXTRT").contains("FLUDARABINE"))
  }

  @Test func datesAreISO8601AndStudyDaysNeverZero() async throws {
    let state = try await DemoLog.shared.log().state
    let iso = /^\d{4}-\d{2}-\d{2}$/
    var dates = 0
    for d in SDTMExport.datasets(state) {
      for v in d.variables where v.hasSuffix("DTC") {
        for value in d.column(v) where !value.isEmpty {
          #expect(
            value.wholeMatch(of: iso) != nil && CalendarDate(iso: value) != nil, "\(d.domain).\(v) \(value)")
          dates += 1
        }
      }
      for v in d.variables where v.hasSuffix("DY") {
        #expect(!d.column(v).contains("0"), "\(d.domain).\(v) has day 0")
      }
    }
    #expect(dates > 0)
  }

  @Test func adverseEventsCarryTheirGradingScale() async throws {
    let state = try await DemoLog.shared.log().state
    let ae = SDTMExport.adverseEvents(state)
    let categories = ae.column("AECAT"), grades = ae.column("AETOXGR"), versions = ae.column("AETOXGRV")
    #expect(categories.contains("CRS"))
    for r in ae.rows.indices {
      #expect((1...5).contains(Int(grades[r]) ?? 0))
      let astct = categories[r] == "CRS" || categories[r] == "ICANS"
      #expect(versions[r] == (astct ? "ASTCT 2019" : "CTCAE v5.0"))
      #expect(Int(ae.column("AESTDY")[r])! >= 1)
    }
  }
}
