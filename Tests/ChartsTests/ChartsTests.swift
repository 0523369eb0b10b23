import Foundation
import Testing

@testable import Charts

/// Every chart is parsed as XML; tests check the elements that carry its meaning.
struct ChartsTests {
  let kaplanMeier = KaplanMeierChart(
    title: "EFS <by dose> & arm",
    curves: [
      .init(
        name: "DL1", steps: [Point(3, 0.8), Point(10, 0.6)], censorTimes: [5, 12, 20], atRisk: [5, 3, 1]),
      .init(name: "DL2", steps: [Point(7, 0.5)], censorTimes: [30], atRisk: [2, 1, 1]),
    ], atRiskTimes: [0, 10, 20])

  @Test func kaplanMeierHasCurvesCensorMarksAndAtRiskNumbers() throws {
    let svg = try SVGInspection(kaplanMeier.svg())
    #expect(svg.root?.name == "svg")
    #expect(svg.root?.uri == "http://www.w3.org/2000/svg")
    #expect(try svg.elements(withClass: "km-curve").count == 2)
    #expect(try svg.elements(withClass: "censor-mark").count == 4)
    #expect(try svg.texts(withClass: "at-risk") == ["5", "3", "1", "2", "1", "1"])
    #expect(try svg.texts(withClass: "at-risk-label") == ["DL1", "DL2"])
    // The title survives escaping.
    #expect(try svg.texts(withClass: "chart-title") == ["EFS <by dose> & arm"])
  }

  @Test func kaplanMeierCurveStepsDownAtEventTimes() throws {
    let svg = try SVGInspection(kaplanMeier.svg())
    let d = try #require(try svg.elements(withClass: "km-curve").first?.value("d"))
    // Start at S = 1, one horizontal + vertical move per event, one final horizontal run.
    #expect(d.hasPrefix("M"))
    #expect(d.filter { $0 == "V" }.count == 2)
    #expect(d.filter { $0 == "H" }.count == 3)
    // A censor mark at S = 0.6 sits lower on the page than one at S = 0.8 (y grows downwards).
    let marks = try svg.elements(withClass: "censor-mark").prefix(3).map { $0.value("d")! }
    func y(_ path: String) -> Double {
      Double(path.dropFirst().split(separator: " ")[0].split(separator: ",")[1])!
    }
    #expect(y(marks[0]) < y(marks[1]))
  }

  @Test func kineticsUsesALogAxisWithDecadeTicks() throws {
    let chart = KineticsChart(
      title: "CAR-T expansion",
      profiles: [
        .init(subject: "001", points: [Point(0, 5), Point(7, 3000), Point(14, 20000), Point(28, 0)]),
        .init(subject: "002", points: [Point(0, 2), Point(10, 50000), Point(28, 900)]),
      ], median: [Point(0, 3.5), Point(14, 20000)])
    let svg = try SVGInspection(chart.svg())
    let profiles = try svg.elements(withClass: "profile")
    #expect(profiles.count == 2)
    // The BLQ point (0) of subject 001 is not drawn.
    #expect(profiles[0].value("points")?.split(separator: " ").count == 3)
    #expect(try svg.elements(withClass: "median").count == 1)
    let ticks = try svg.elements(withClass: "y-axis").first!.elements(forName: "text").compactMap(
      \.stringValue)
    #expect(ticks.contains("1") && ticks.contains("10⁵"))
    // Equal ratios are equal distances on a log axis.
    let scale = LogScale(domain: 1...100_000, range: (300, 0))
    #expect(
      abs((scale.position(10) - scale.position(100)) - (scale.position(1000) - scale.position(10_000))) < 1e-9
    )
  }

  @Test func swimmerHasOneLanePerSubjectWithMarkers() throws {
    let chart = SwimmerChart(
      title: "Follow-up",
      lanes: [
        .init(
          subject: "001", days: 400, ongoing: true, group: "DL1", markers: [.init(day: 28, kind: .response)]),
        .init(
          subject: "002", days: 120, ongoing: false, group: "DL2",
          markers: [
            .init(day: 28, kind: .response), .init(day: 90, kind: .relapse), .init(day: 120, kind: .death),
          ]),
      ])
    let svg = try SVGInspection(chart.svg())
    #expect(try svg.elements(withClass: "lane").count == 2)
    #expect(try svg.elements(withClass: "lane-bar").count == 2)
    #expect(try svg.elements(withClass: "ongoing").count == 1)
    // Markers on lanes (the key repeats one of each kind).
    #expect(try svg.elements(withClass: "marker-response").count == 3)
    #expect(try svg.elements(withClass: "marker-death").count == 2)
    let bars = try svg.elements(withClass: "lane-bar").map { $0.number("width")! }
    #expect(abs(bars[0] / bars[1] - 400.0 / 120.0) < 0.01)
  }

  @Test func escalationPathMarksDLTs() throws {
    let chart = EscalationChart(
      title: "Escalation", doseLabels: ["0.1×10⁶/kg", "0.5×10⁶/kg", "1×10⁶/kg"],
      patients: [
        .init(subject: "1", doseLevel: 0, dlt: false), .init(subject: "2", doseLevel: 0, dlt: false),
        .init(subject: "3", doseLevel: 1, dlt: true), .init(subject: "4", doseLevel: 1, dlt: false),
      ])
    let svg = try SVGInspection(chart.svg())
    #expect(try svg.elements(withClass: "patient").count == 4)
    #expect(try svg.elements(withClass: "dlt").count == 1)
    #expect(try svg.elements(withClass: "escalation-path").count == 1)
    #expect(try svg.texts(withClass: "dose-label") == ["0.1×10⁶/kg", "0.5×10⁶/kg", "1×10⁶/kg"])
    let ys = try svg.elements(withClass: "patient").map { $0.number("cy")! }
    #expect(ys[0] == ys[1] && ys[2] < ys[1])
  }

  @Test func operatingCharacteristicBarsAreProportionalToValues() throws {
    let chart = OperatingCharacteristicsChart(
      title: "BOIN, scenario 1", doseLabels: ["DL1", "DL2", "DL3"],
      series: [
        .init(name: "P(select)", values: [0.1, 0.6, 0.3]), .init(name: "Patients", values: [0.3, 0.5, 0.2]),
      ],
      trueMTD: 1)
    let svg = try SVGInspection(chart.svg())
    let bars = try svg.elements(withClass: "bar")
    #expect(bars.count == 6)
    let heights = bars.map { $0.number("height")! }
    #expect(abs(heights[1] / heights[0] - 6) < 0.01)
    #expect(try svg.elements(withClass: "true-mtd").count == 1)
  }

  @Test func scalesAndFormatting() {
    #expect(
      LinearScale(domain: 0...100, range: (0, 1)).ticks().map(\.label) == [
        "0", "20", "40", "60", "80", "100",
      ])
    #expect(
      LinearScale(domain: 0...1, range: (0, 1)).ticks().map(\.label) == [
        "0", "0.2", "0.4", "0.6", "0.8", "1",
      ])
    // A zero-width span (every time 0) still has a positive step: a zero stride would trap.
    #expect(LinearScale.niceStep(0) == 0.2)
    #expect(LinearScale.niceStep(-3) > 0)
    #expect(LinearScale.niceStep(.nan) > 0)
    #expect(LinearScale.niceStep(28) == 10)
    #expect(Format.powerOfTen(-2) == "10⁻²")
    #expect(SVGElement.escape("a<b & \"c\"") == "a&lt;b &amp; &quot;c&quot;")
  }
}
