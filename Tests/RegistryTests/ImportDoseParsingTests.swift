import Registry
import Testing
import TrialModel

/// Dose parsing from real arm and intervention texts (corpus records and seed pages) against values
/// read by hand, with their units.
@Suite struct ImportDoseParsingTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var source: String
    var text: String
    /// Expected doses in order (value, unit); caps in `caps`.
    var doses: [(Double, MeasurementUnit)]
    var caps: [(Double, capping: Double)] = []
    var levels: [Int?] = []
    var testDescription: String { source }
  }

  static let cases: [Case] = [
    Case(
      source: "NCT05739409 arm (lost superscripts, full-width semicolons)",
      text:
        "Dose Group-A: 3×105STAR+T cells / kg； Dose group A: 1×106STAR+T cells / kg； Dose group B: 3×106STAR+T cells / kg； Dose group C: 6×106STAR+T cells / kg； Dose group D: 1×107STAR+T cells / kg。",
      doses: [
        (3e5, .cellsPerKg), (1e6, .cellsPerKg), (3e6, .cellsPerKg), (6e6, .cellsPerKg), (1e7, .cellsPerKg),
      ]),
    Case(
      source: "NCT05739409 intervention (E notation, one unit for the list)",
      text: "STAR-T cells will be intravenously infused with a escalated dose of 1E6#3E6#6E6#1E7 cells/kg",
      doses: [(1e6, .cellsPerKg), (3e6, .cellsPerKg), (6e6, .cellsPerKg), (1e7, .cellsPerKg)]),
    Case(
      source: "NCT05519384 arm (bare 10^6, unit after the list)",
      text:
        "They were divided into three dose groups: 10\\^6, 5x10\\^6 and 3x10\\^7 JK500 cells injection /kg/ time, three times a week",
      doses: [(1e6, .cellsPerKg), (5e6, .cellsPerKg), (3e7, .cellsPerKg)]),
    Case(source: "NCT06144970 arm", text: "Low dose TG-C 1.5 x 10e6 cells", doses: [(1.5e6, .cells)]),
    Case(
      source: "NCT04972890 arm",
      text: "with umbilical cord stem cells 15x10\\^6 cells in 2 cc saline/NaCl 0,9% solution",
      doses: [(1.5e7, .cells)]),
    Case(
      source: "NCT06097962 arm (cells per dose)",
      text: "NK510 will be administered once a week for a total of six weeks.9×10\\^9 NK cells/dose.",
      doses: [(9e9, .cells)]),
    Case(source: "NCT06589271 intervention", text: "2 \\* 10\\^7 cells (2ml)", doses: [(2e7, .cells)]),
    Case(
      source: "NCT05335226 arm (transplant count with a broken exponent: not a dose)",
      text: "allogeneic stem cell transplantation. (HLA 6-10/10, TNC≥1-3×10-7/Kg)", doses: []),
    Case(
      source: "NCT05350787 criterion (a blood count: not a dose)",
      text: "a high white blood cell count ≥30×109/L at diagnosis", doses: []),
    Case(
      source: "seed NCT05350787 arm", text: "Patients will receive 5×10\\^6 cells/kg of ThisCART19A",
      doses: [(5e6, .cellsPerKg)]),
    Case(
      source: "seed NCT05270772 arm (a range written as two doses)",
      text:
        "a single infusion of autologous CAR-T-19 cells, with the escalated dose ranging from 0.5×10\\^6/kg to 5.0×10\\^6/kg CAR+ cells.",
      doses: [(5e5, .cellsPerKg), (5e6, .cellsPerKg)]),
    Case(
      source: "seed NCT07470073 group A (units borrowed, dl numbers)",
      text: "three dose levels: dl1:3.0 × 10\\^8, dl2:4.5 × 10\\^8, dl3:6.0 × 10\\^8 car-t cells.",
      doses: [(3e8, .cells), (4.5e8, .cells), (6e8, .cells)], levels: [1, 2, 3]),
    Case(
      source: "seed NCT07470073 group B (caps)",
      text:
        "Dl1:3.0 × 10\\^6 /kg car-t cells, the maximum total number of infused cells was not more than 1.5 × 10\\^8 car-t cells, dl2:6.0 × 10\\^6 /kg car-t cells, the maximum total number of infused cells was not more than 3.0 × 10\\^8 car-t cells.",
      doses: [(3e6, .cellsPerKg), (6e6, .cellsPerKg)], caps: [(1.5e8, 3e6), (3e8, 6e6)], levels: [1, 2]),
    Case(source: "issue example", text: "2.0E+06 CAR-T cells/kg", doses: [(2e6, .cellsPerKg)]),
    Case(source: "issue example", text: "1 x 10e6/kg", doses: [(1e6, .cellsPerKg)]),
    Case(
      source: "issue example (coefficient range)", text: "0.5-1.0×10^6 CAR+ T cells/kg",
      doses: [(5e5, .cellsPerKg), (1e6, .cellsPerKg)]),
    Case(
      source: "issue example (cap)", text: "1×10^6 cells/kg (maximum 1×10^8 cells)",
      doses: [(1e6, .cellsPerKg)],
      caps: [(1e8, 1e6)]),
    Case(
      source: "superscript digits", text: "dose level 2: 3 × 10⁶ CAR-T cells/kg", doses: [(3e6, .cellsPerKg)],
      levels: [2]),
  ]

  @Test(arguments: cases) func parsesHandReadDoses(_ c: Case) {
    let mentions = DoseTextParser.mentions(in: c.text)
    let doses = mentions.filter { $0.role == .dose }
    #expect(doses.count == c.doses.count, "\(mentions)")
    for (found, expected) in zip(doses, c.doses) {
      #expect(abs(found.quantity.value - expected.0) <= 1e-9 * expected.0, "\(found.quantity)")
      #expect(found.quantity.unit == expected.1)
    }
    let caps = mentions.filter { $0.role == .cap }
    #expect(caps.count == c.caps.count, "\(mentions)")
    for (found, expected) in zip(caps, c.caps) {
      #expect(found.quantity == Quantity(expected.0, .cells))
      #expect(found.caps == Quantity(expected.capping, .cellsPerKg))
    }
    if !c.levels.isEmpty { #expect(doses.map(\.statedLevel) == c.levels) }
  }

  /// A coefficient range is marked as one, so a draft does not mistake its ends for stated levels.
  @Test func rangeEndsAreMarked() {
    let doses = DoseTextParser.mentions(in: "0.5-1.0×10^6 CAR+ T cells/kg")
    #expect(doses.count == 2)
    #expect(doses.allSatisfy { $0.isRangeEnd })
    #expect(DoseTextParser.mentions(in: "5×10^6 cells/kg").allSatisfy { !$0.isRangeEnd })
  }
}
