import Assessment
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

  /// SDTMIG 3.4 "Req" variables: DM §5.2, EX §6.1.4, AE §6.2.1, LB §6.3.5.2, RS §6.3.13.3,
  /// PC §6.3.10.1, PP §6.3.10.2.
  static let required: [String: [String]] = [
    "DM": ["STUDYID", "DOMAIN", "USUBJID", "SUBJID", "SITEID", "SEX", "COUNTRY"],
    "EX": ["STUDYID", "DOMAIN", "USUBJID", "EXSEQ", "EXTRT"],
    "AE": ["STUDYID", "DOMAIN", "USUBJID", "AESEQ", "AETERM", "AEDECOD"],
    "SUPPAE": ["STUDYID", "RDOMAIN", "USUBJID", "QNAM", "QLABEL", "QVAL", "QORIG"],
    "LB": ["STUDYID", "DOMAIN", "USUBJID", "LBSEQ", "LBTESTCD", "LBTEST"],
    "RS": ["STUDYID", "DOMAIN", "USUBJID", "RSSEQ", "RSTESTCD", "RSTEST"],
    "PC": ["STUDYID", "DOMAIN", "USUBJID", "PCSEQ", "PCTESTCD", "PCTEST"],
    "PP": ["STUDYID", "DOMAIN", "USUBJID", "PPSEQ", "PPTESTCD", "PPTEST"],
  ]
  /// SDTMIG 3.4 "Exp" variables the trial's data supports.
  static let expected: [String: [String]] = [
    "DM": [
      "RFSTDTC", "RFENDTC", "RFXSTDTC", "RFXENDTC", "RFICDTC", "DTHDTC", "DTHFL", "BRTHDTC", "ARMCD", "ARM",
      "ACTARMCD", "ACTARM", "ARMNRS", "AGE", "AGEU",
    ],
    "EX": ["EXDOSE", "EXDOSU", "EXSTDTC", "EXENDTC", "EXSTDY", "EXENDY"],
    "AE": ["AESTDTC", "AEENDTC", "AESTDY", "AESER", "AEREL", "AEOUT"],
    "SUPPAE": ["IDVAR", "IDVARVAL", "QEVAL"],
    "LB": [
      "LBCAT", "LBORRES", "LBORRESU", "LBORNRLO", "LBORNRHI", "LBSTRESC", "LBSTRESN", "LBSTRESU", "LBSTNRLO",
      "LBSTNRHI", "LBNRIND", "LBLOBXFL", "VISITNUM", "LBDTC",
    ],
    "RS": ["RSCAT", "RSORRES", "RSSTRESC", "RSEVAL", "VISITNUM", "RSDTC"],
    "PC": ["PCORRES", "PCORRESU", "PCSTRESC", "PCSTRESN", "PCSTRESU", "PCSPEC", "VISITNUM", "PCDTC"],
    "PP": [
      "PPCAT", "PPORRES", "PPORRESU", "PPSTRESC", "PPSTRESN", "PPSTRESU", "PPSPEC", "PPRFTDTC",
    ],
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
    #expect(Set(datasets.map(\.domain)) == ["DM", "EX", "AE", "SUPPAE", "LB", "RS", "PC", "PP"])
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

  @Test func adverseEventsCarryTheirGradingScaleAndDLTFlagInSUPPAE() async throws {
    let state = try await DemoLog.shared.log().state
    let ae = SDTMExport.adverseEvents(state), supp = SDTMExport.supplementalAdverseEvents(state)
    let categories = ae.column("AECAT"), grades = ae.column("AETOXGR")
    #expect(categories.contains("CRS"))
    #expect(supp.rows.count == 2 * ae.rows.count)
    // SUPPAE's rows point at AE records by USUBJID and AESEQ.
    var qualifiers: [String: [String: String]] = [:]
    for r in supp.rows.indices {
      #expect(supp.column("RDOMAIN")[r] == "AE" && supp.column("IDVAR")[r] == "AESEQ")
      qualifiers["\(supp.column("USUBJID")[r])#\(supp.column("IDVARVAL")[r])", default: [:]][
        supp.column("QNAM")[r]] =
        supp.column("QVAL")[r]
    }
    for r in ae.rows.indices {
      #expect((1...5).contains(Int(grades[r]) ?? 0))
      #expect(!ae.column("AEDECOD")[r].isEmpty)
      let q = try #require(qualifiers["\(ae.column("USUBJID")[r])#\(ae.column("AESEQ")[r])"])
      let astct = categories[r] == "CRS" || categories[r] == "ICANS"
      #expect(q["AETOXSC"] == (astct ? "ASTCT 2019" : "CTCAE v5.0"))
      #expect(q["AEDLT"] == "Y" || q["AEDLT"] == "N")
      #expect(Int(ae.column("AESTDY")[r])! >= 1)
    }
    // Every subject the investigator adjudicated a DLT has a DLT-flagged event; no one adjudicated
    // otherwise has one.
    var flagged = Set<String>()
    for (key, q) in qualifiers where q["AEDLT"] == "Y" {
      flagged.insert(String(key.split(separator: "#")[0]))
    }
    let dlt = Set(
      state.orderedSubjects.filter { $0.adjudication?.outcome == .dlt }.map { "\(state.trial)-\($0.id)" })
    let noDlt = Set(
      state.orderedSubjects.filter { $0.adjudication?.outcome == .noDlt }.map { "\(state.trial)-\($0.id)" })
    #expect(!dlt.isEmpty && dlt.isSubset(of: flagged))
    #expect(flagged.isDisjoint(with: noDlt))
  }

  @Test func demographicsReadThePatientRecord() async throws {
    let state = try await DemoLog.shared.log().state
    let dm = SDTMExport.demographics(state)
    #expect(Set(dm.column("SEX")).isSubset(of: ["M", "F"]) && dm.column("SEX").contains { $0 != "U" })
    #expect(dm.column("COUNTRY").allSatisfy { $0.count == 3 && $0.allSatisfy(\.isUppercase) })
    for r in dm.rows.indices where !dm.column("RFSTDTC")[r].isEmpty {
      let birth = CalendarDate(iso: dm.column("BRTHDTC")[r])!,
        start = CalendarDate(iso: dm.column("RFSTDTC")[r])!
      let age = Int(dm.column("AGE")[r])!
      #expect(age == SDTMExport.completedYears(from: birth, to: start) && dm.column("AGEU")[r] == "YEARS")
      // The first study treatment (lymphodepletion) is before the infusion.
      #expect(CalendarDate(iso: dm.column("RFXSTDTC")[r])! < start)
    }
    // Completed years by hand: a birthday counts on its day; 29 February on 1 March.
    let leap = CalendarDate(iso: "2008-02-29")!
    #expect(SDTMExport.completedYears(from: leap, to: CalendarDate(iso: "2026-02-28")!) == 17)
    #expect(SDTMExport.completedYears(from: leap, to: CalendarDate(iso: "2026-03-01")!) == 18)
    #expect(
      SDTMExport.completedYears(from: CalendarDate(iso: "1990-06-15")!, to: CalendarDate(iso: "2026-06-15")!)
        == 36)
  }

  /// The values of `variable` in the rows of `subject`.
  static func values(_ d: SDTMDataset, _ variable: String, of usubjid: String) -> [String] {
    let ids = d.column("USUBJID"), values = d.column(variable)
    return ids.indices.filter { ids[$0] == usubjid }.map { values[$0] }
  }

  @Test func labResultsAreInStandardUnitsWithTheirRangeAndGrade() async throws {
    // Conversions by hand: bilirubin 1.2 mg/dL × 17.1 = 20.52 µmol/L; neutrophils 400/µL = 0.4 × 10⁹/L.
    let bilirubin = SDTMExport.standardized(
      LabResult(term: .bilirubin, value: 1.2, unit: .mgPerDL, uln: 1.2))
    #expect(bilirubin.unit == "umol/L" && abs(Double(bilirubin.value)! - 20.52) < 1e-9)
    #expect(abs(Double(bilirubin.high)! - 20.52) < 1e-9 && bilirubin.low.isEmpty)
    let anc = SDTMExport.standardized(
      LabResult(term: .neutrophils, value: 400, unit: .perMicrolitre, lln: 1500))
    #expect(anc.unit == "10^9/L" && Double(anc.value) == 0.4 && Double(anc.low) == 1.5)
    let alt = SDTMExport.standardized(
      LabResult(term: .alanineAminotransferase, value: 88, unit: .unitsPerLitre))
    #expect(alt.value == "88" && alt.unit == "U/L")

    let state = try await DemoLog.shared.log().state
    let lb = SDTMExport.laboratory(state)
    #expect(!lb.rows.isEmpty)
    let results = lb.column("LBORRES").map { Double($0)! }, low = lb.column("LBORNRLO").map(Double.init)
    let indicators = lb.column("LBNRIND")
    for r in lb.rows.indices {
      if let lln = low[r] { #expect((results[r] < lln) == (indicators[r] == "LOW")) }
    }
    #expect(indicators.contains("LOW"))
    // The worst CTCAE grade of each test in LB is the worst grade of that lab's events in AE, and
    // there are no more events than graded results (infused subjects).
    let ae = SDTMExport.adverseEvents(state)
    var labEvents = 0
    for s in state.orderedSubjects where s.infusion != nil {
      let usubjid = "\(state.trial)-\(s.id)"
      let tests = Self.values(lb, "LBTESTCD", of: usubjid), grades = Self.values(lb, "LBTOXGR", of: usubjid)
      let terms = Self.values(ae, "AETERM", of: usubjid), aeGrades = Self.values(ae, "AETOXGR", of: usubjid)
      for term in LabTerm.allCases {
        let code = SDTMExport.labTest(term).code
        let graded = zip(tests, grades).filter { $0.0 == code }.compactMap { Int($0.1) }.filter { $0 >= 1 }
        let events = zip(terms, aeGrades).filter { $0.0 == term.ctcaeTerm }.map { Int($0.1)! }
        #expect(graded.max() == events.max(), "\(s.id) \(code)")
        #expect(events.count <= graded.count)
        labEvents += events.count
      }
    }
    #expect(labEvents > 0)
  }

  @Test func responseRecordsAgreeWithTheReport() async throws {
    let state = try await DemoLog.shared.log().state
    let rs = SDTMExport.response(state)
    let data = try state.reportData(asOf: CalendarDate(iso: "2030-01-01")!)
    let tests = rs.column("RSTESTCD"), results = rs.column("RSSTRESC")
    #expect(tests.filter { $0 == "BESTRESP" }.count == data.subjects.count && !data.subjects.isEmpty)
    for subject in data.subjects {
      let usubjid = "\(state.trial)-\(subject.course.subject)"
      let best = zip(Self.values(rs, "RSTESTCD", of: usubjid), Self.values(rs, "RSSTRESC", of: usubjid))
        .filter { $0.0 == "BESTRESP" }.map(\.1)
      #expect(best == [subject.bestResponse.map { $0.rawValue.uppercased() } ?? ""], "\(usubjid)")
    }
    #expect(results.contains("CR") || results.contains("CRI"))
    // One OVRLRESP per disease assessment of an infused subject.
    let assessments = state.orderedSubjects.filter { $0.infusion != nil }.map(\.diseaseAssessments.count)
      .reduce(0, +)
    #expect(tests.filter { $0 == "OVRLRESP" }.count == assessments && assessments > 0)
  }

  @Test func elapsedTimesAreISO8601Durations() {
    #expect(SDTMExport.elapsed(7) == "P7D")
    #expect(SDTMExport.elapsed(0.25) == "PT6H")
    #expect(SDTMExport.elapsed(1.5) == "P1DT12H")
    #expect(SDTMExport.elapsed(-1) == "-P1D")
    #expect(SDTMExport.elapsed(0.999) == "P1D")
  }

  @Test func kineticsParametersFollowTheirConcentrations() async throws {
    let state = try await DemoLog.shared.log().state
    let pc = SDTMExport.concentrations(state), pp = SDTMExport.parameters(state)
    let samples = state.orderedSubjects.filter { $0.infusion != nil }.map(\.kinetics.count).reduce(0, +)
    #expect(pc.rows.count == samples && samples > 0)
    for (result, numeric) in zip(pc.column("PCORRES"), pc.column("PCSTRESN")) {
      #expect(result == "<LLOQ" ? numeric.isEmpty : Double(numeric) == Double(result))
    }
    let subjects = Set(pp.column("USUBJID"))
    #expect(!subjects.isEmpty)
    for usubjid in subjects {
      // Cmax is the largest measured concentration; Tmax the elapsed time of its sample.
      let concentrations = Self.values(pc, "PCSTRESN", of: usubjid).map { Double($0) ?? 0 }
      let times = Self.values(pc, "PCELTM", of: usubjid)
      let parameters = Dictionary(
        uniqueKeysWithValues: zip(
          Self.values(pp, "PPTESTCD", of: usubjid), Self.values(pp, "PPSTRESN", of: usubjid)))
      let cmax = try #require(Double(parameters["CMAX"] ?? ""))
      let peak = concentrations.max()!
      #expect(abs(cmax - peak) <= 1e-5 * peak)
      let tmax = try #require(Double(parameters["TMAX"] ?? ""))
      #expect(times[concentrations.firstIndex(of: peak)!] == SDTMExport.elapsed(tmax))
      #expect(Double(parameters["AUCLST"] ?? "")! > 0)
    }
  }

  @Test func defineDescribesEveryVariable() async throws {
    let state = try await DemoLog.shared.log().state
    let datasets = SDTMExport.datasets(state)
    let define = SDTMDefine.metadata(datasets)
    #expect(define.rows.count == datasets.map(\.variables.count).reduce(0, +))
    let names = define.column("DATASET"), variables = define.column("VARIABLE"), cores = define.column("CORE")
    for column in ["DESCRIPTION", "CLASS", "LABEL", "TYPE", "CORE", "ROLE", "ORIGIN"] {
      let empty = define.rows.indices.filter { define.column(column)[$0].isEmpty }
      #expect(empty.isEmpty, "\(column) missing for \(empty.map { "\(names[$0]).\(variables[$0])" })")
    }
    // The core the metadata states agrees with SDTMIG's required lists.
    for r in define.rows.indices where Self.required[names[r]]!.contains(variables[r]) {
      #expect(cores[r] == "Req", "\(names[r]).\(variables[r]) is required")
    }
  }

  /// Episodes by hand: CRS graded 1, 2, 1, then 0 on day 4 is one resolved event of grade 2; CRS
  /// again on day 6 with no later 0 is a second, ongoing one; a neutropenia alongside is its own.
  @Test func adverseEventsAreEpisodesNotAssessments() {
    func crs(_ day: Double, _ grade: Int) -> GradedEvent {
      GradedEvent(day: day, kind: .crs, term: "CRS", grade: grade)
    }
    let events = [
      crs(2, 2), crs(1, 1), crs(3, 1), crs(4, 0), crs(6, 1),
      GradedEvent(day: 3, kind: .lab, term: "neutrophils", grade: 4, related: false),
    ]
    let episodes = AdverseEventEpisode.episodes(events)
    #expect(episodes.count == 3)
    #expect(episodes.map(\.start) == [1, 3, 6])
    let first = episodes[0], neutropenia = episodes[1], second = episodes[2]
    #expect(first.kind == .crs && first.worstGrade == 2 && first.lastGraded == 3 && first.resolved)
    #expect(neutropenia.kind == .lab && neutropenia.worstGrade == 4 && !neutropenia.resolved)
    #expect(neutropenia.related == false)
    #expect(second.worstGrade == 1 && !second.resolved)
    #expect(AdverseEventEpisode.episodes([crs(1, 0), crs(2, 0)]).isEmpty)
  }

  @Test func resolvedEventsHaveAnEndAndOngoingOnesNone() async throws {
    let state = try await DemoLog.shared.log().state
    let ae = SDTMExport.adverseEvents(state)
    let outcomes = ae.column("AEOUT"), ends = ae.column("AEENDTC"), starts = ae.column("AESTDTC")
    #expect(outcomes.contains("RECOVERED/RESOLVED"))
    for r in ae.rows.indices {
      #expect((outcomes[r] == "RECOVERED/RESOLVED") == !ends[r].isEmpty || outcomes[r] == "FATAL")
      if !ends[r].isEmpty { #expect(CalendarDate(iso: ends[r])! >= CalendarDate(iso: starts[r])!) }
    }
    // Fewer events than graded assessments: a daily CRS is one event.
    var graded = 0
    for s in state.orderedSubjects where s.infusion != nil {
      graded += try state.subjectRecord(s, through: nil).gradedEvents(
        settings: state.protocolInForce.assessment
      )
      .filter { $0.grade >= 1 }.count
    }
    #expect(ae.rows.count < graded)
  }
}
