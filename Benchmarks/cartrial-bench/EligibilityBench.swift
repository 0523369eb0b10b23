import Eligibility
import Foundation
import ProtocolFiles
import Simulation
import TrialModel

/// Release-mode benchmark of the `Eligibility` module (issue 5): batch-screen 10⁵ synthetic
/// patients against the five seed protocols. Goal: ≤ 2 s on 2 cores.
enum EligibilityBench {
  /// Seeded (Simulation's SplitMix64), so every run screens the same patients.
  typealias Generator = SplitMix64

  static let screening = CivilDate(iso: "2026-11-20")!

  /// A plausible r/r B-ALL patient with some fields missing (≈ 5 % each).
  static func patient(_ g: inout Generator) -> PatientRecord {
    var p = PatientRecord(id: "S\(g.next() % 1_000_000)")
    func maybe(_ g: inout Generator) -> Bool { Int.random(in: 0..<20, using: &g) != 0 }
    p.screeningDate = screening
    p.plannedInfusionDate =
      Bool.random(using: &g) ? screening.adding(days: Int.random(in: 5...30, using: &g)) : nil
    p.birthDate = screening.adding(days: -Int.random(in: 3_000...29_000, using: &g))
    p.sex = Bool.random(using: &g) ? .male : .female
    if maybe(&g) { p[.weight] = Double.random(in: 25...110, using: &g) }
    p[.height] = Double.random(in: 130...195, using: &g)
    p[.bAll] = Int.random(in: 0..<10, using: &g) != 0
    p[.relapsed] = Bool.random(using: &g)
    p[.refractory] = !(p[.relapsed]!)
    p[.phPositive] = Int.random(in: 0..<4, using: &g) == 0
    p[.tkiLinesFailed] = Double(Int.random(in: 0...3, using: &g))
    p[.marrowBlasts] = Double.random(in: 0...95, using: &g)
    p[.bloodBlasts] = Double.random(in: 0...60, using: &g)
    p[.extramedullary] = Int.random(in: 0..<8, using: &g) == 0
    p[.isolatedExtramedullary] = false
    p.cnsStatus = Int.random(in: 0..<10, using: &g) == 0 ? .cns2 : .cns1
    p.antigens = [
      AntigenResult(
        antigen: "CD19", positive: Int.random(in: 0..<12, using: &g) != 0,
        date: screening.adding(days: -Int.random(in: 0...120, using: &g)), method: "flow cytometry")
    ]
    p[.ecog] = Double(Int.random(in: 0...3, using: &g))
    p[.karnofsky] = Double(10 * Int.random(in: 5...10, using: &g))
    p[.lansky] = Double(10 * Int.random(in: 4...10, using: &g))
    if maybe(&g) {
      try? p.setLab(.creatinine, value: Double.random(in: 40...200, using: &g), unit: "µmol/L", uln: 106)
    }
    try? p.setLab(.bilirubin, value: Double.random(in: 0.2...3, using: &g), unit: "mg/dL", uln: 1.2)
    try? p.setLab(.alt, value: Double.random(in: 10...200, using: &g), unit: "U/L", uln: 40)
    try? p.setLab(.ast, value: Double.random(in: 10...200, using: &g), unit: "U/L", uln: 40)
    try? p.setLab(.inr, value: Double.random(in: 0.9...2, using: &g), unit: "ratio", uln: 1.2)
    try? p.setLab(.aptt, value: Double.random(in: 25...60, using: &g), unit: "s", uln: 40)
    try? p.setLab(.lvef, value: Double.random(in: 40...70, using: &g), unit: "%")
    try? p.setLab(.spo2, value: Double.random(in: 88...100, using: &g), unit: "%")
    for fact in BooleanFact.allCases where p[fact] == nil && maybe(&g) {
      p[fact] = Int.random(in: 0..<40, using: &g) == 0
    }
    p[.consentSigned] = true
    p.consentDate = screening.adding(days: -Int.random(in: 0...5, using: &g))
    p[.nyhaClass] = 1
    p[.dyspneaGrade] = 0
    p[.lifeExpectancyDays] = Double.random(in: 30...400, using: &g)
    p.historyComplete = maybe(&g)
    let classes = [
      "hsct.allogeneic", "chemotherapy.cytarabine", "steroid", "tki", "radiotherapy.cns", "antiCD19",
      "vaccine.live",
    ]
    for _ in 0..<Int.random(in: 0...4, using: &g) {
      p.history.append(
        HistoryEvent(
          classes: EventClass.selecting(classes.randomElement(using: &g)!),
          date: screening.adding(days: -Int.random(in: 0...700, using: &g)),
          dose: Double.random(in: 0...60, using: &g)))
    }
    return p
  }

  /// Thread-safe tally of statuses.
  final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var counts: [ScreeningStatus: Int] = [:]
    private(set) var criteria = 0
    func add(_ local: [ScreeningStatus: Int], criteria n: Int) {
      lock.lock()
      defer { lock.unlock() }
      for (k, v) in local { counts[k, default: 0] += v }
      criteria += n
    }
  }

  /// Screens every patient against every protocol on all cores; `full` builds evidence reports.
  enum Mode { case status, verdicts, reports }

  static func screenAll(_ patients: [PatientRecord], _ shared: [CompiledCriteria], mode: Mode) -> Tally {
    let tally = Tally()
    // Many more slices than cores, so that a core slowed by other processes does not hold up
    // the run (dispatch hands slices to whichever core is free).
    let slices = 64 * ProcessInfo.processInfo.activeProcessorCount
    let chunk = (patients.count + slices - 1) / slices
    DispatchQueue.concurrentPerform(iterations: slices) { w in
      // Counts by `ScreeningStatus.rank`; trials and patients are borrowed, not copied.
      var local = [0, 0, 0, 0]
      var evaluated = 0
      for i in (w * chunk)..<min(patients.count, (w + 1) * chunk) {
        for t in shared.indices {
          switch mode {
          case .reports:
            let report = shared[t].screen(patients[i])
            evaluated += report.criteria.count
            local[report.status.rank] += 1
          case .verdicts:
            let verdicts = shared[t].verdicts(of: patients[i])
            evaluated += verdicts.count
            local[ScreeningStatus(verdicts: verdicts).rank] += 1
          case .status:
            local[shared[t].status(of: patients[i]).rank] += 1
          }
        }
      }
      var counts: [ScreeningStatus: Int] = [:]
      for status in ScreeningStatus.allCases where local[status.rank] > 0 {
        counts[status] = local[status.rank]
      }
      tally.add(counts, criteria: evaluated)
    }
    return tally
  }

  /// Parsing and validating a complete patient record (the README example) from JSON.
  static let recordJSON = Data(
    """
    {"id": "P-1", "screeningDate": "2026-11-20", "plannedInfusionDate": "2026-12-14",
     "demographics": {"birthDate": "1981-06-15", "sex": "female", "weight": {"value": 64, "unit": "kg"},
       "height": {"value": 165, "unit": "cm"}},
     "disease": {"diagnosis": "B-ALL", "status": "relapsed", "phStatus": "negative",
       "marrowBlasts": {"value": 28, "unit": "%"}, "extramedullary": "none", "cnsStatus": "CNS1"},
     "antigens": [{"antigen": "CD19", "result": "positive", "date": "2026-11-12", "method": "flow cytometry"}],
     "performance": [{"scale": "ECOG", "score": 1}],
     "labs": {"creatinine": {"value": 88, "unit": "µmol/L", "uln": 97},
       "alt": {"value": 45, "unit": "U/L", "uln": 40}, "lvef": {"value": 62, "unit": "%"}},
     "viralTests": [{"test": "HBsAg", "result": "negative"}, {"test": "HIV-Ab", "result": "negative"}],
     "history": {"complete": true, "events": [{"class": "hsct.allogeneic", "date": "2025-09-01"},
       {"class": "steroid", "date": "2026-10-30", "prednisoneEquivalentMgPerDay": 10}]},
     "conditions": {"pregnant": false, "lactating": false, "activeInfection": false, "nyhaClass": 1},
     "consent": {"signed": true, "date": "2026-11-16"}, "lifeExpectancy": {"value": 6, "unit": "months"}}
    """.utf8)

  /// Wall-clock and process CPU seconds of `body` (CPU time shows the work done when other
  /// processes share the cores: wall ≈ CPU / cores on an idle machine).
  static func measure(_ body: () -> Void) -> (wall: Double, cpu: Double) {
    func cpuNow() -> Double {
      var t = timespec()
      clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
      return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
    let clock = ContinuousClock()
    let cpu0 = cpuNow()
    let d = clock.measure(body)
    return (Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18, cpuNow() - cpu0)
  }

  /// `cartrial-bench eligibility` runs only this benchmark (and exits); without an argument
  /// every benchmark runs.
  static func run() throws {
    print("== Eligibility (issue 5) ==")
    let trials = try ProtocolLibrary.bundled().map { try CriteriaCompiler.compile($0) }
    var g = Generator(seed: 5)
    let patients = (0..<100_000).map { _ in patient(&g) }
    print(
      "cores: \(ProcessInfo.processInfo.activeProcessorCount); patients: \(patients.count); protocols: \(trials.count)"
    )
    var tally = Tally()
    let fast = measure { tally = screenAll(patients, trials, mode: .status) }
    print(
      String(format: "status only (Kleene verdicts, no evidence): %.3f s (CPU %.3f s)", fast.wall, fast.cpu))
    print(
      "  statuses: \(tally.counts.sorted { $0.key.rank < $1.key.rank }.map { "\($0.key.rawValue) \($0.value)" }.joined(separator: ", "))"
    )
    let parsing = measure {
      for _ in 0..<10_000 { _ = try? PatientRecord(json: recordJSON) }
    }
    print(
      String(
        format: "patient record JSON parse + validation: %.1f µs per record (1 core)", parsing.wall * 100))
    let all = measure { tally = screenAll(patients, trials, mode: .verdicts) }
    print(
      String(
        format: "every criterion's verdict, no evidence: %.3f s (CPU %.3f s; %d verdicts)", all.wall, all.cpu,
        tally.criteria))
    let full = measure { tally = screenAll(patients, trials, mode: .reports) }
    print(
      String(
        format: "full reports with evidence: %.3f s (CPU %.3f s; %d criterion verdicts, %.0f ns CPU each)",
        full.wall, full.cpu, tally.criteria, full.cpu * 1e9 / Double(tally.criteria)))
  }
}
