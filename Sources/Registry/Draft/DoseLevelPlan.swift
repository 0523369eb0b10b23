import TrialModel

/// A group's dose levels read from the doses written in its arm's text.
///
/// The levels are the distinct doses (``DoseMention/Role/dose``) of one unit — the unit most of
/// the doses are written in, `cells/kg` on a tie — in increasing order, each with the cap written
/// after it ("…, the maximum total number of infused cells was not more than 1.5 × 10^8"). They
/// are numbered by the level numbers the text writes before them ("dl1:", "dose level -1") when
/// every level has one and they increase with the dose, otherwise 1, 2, 3…. Doses in the other
/// unit are listed in ``ignored``. A range ("0.5-5.0×10^6/kg") gives its two ends as the lowest
/// and highest levels, marked as an assumption: the levels between are not stated.
struct DoseLevelPlan {
  var levels: [DoseLevel]
  /// Doses written in the other unit, not used as levels.
  var ignored: [Quantity]

  init(_ mentions: [DoseMention]) {
    let doses = mentions.filter { $0.role == .dose }
    let perKg = doses.filter { $0.quantity.unit == .cellsPerKg }.count
    let flat = doses.count - perKg
    let unit: MeasurementUnit = perKg >= flat ? .cellsPerKg : .cells
    var chosen: [DoseMention] = []
    for dose in doses.filter({ $0.quantity.unit == unit }).sorted(by: {
      $0.quantity.value < $1.quantity.value
    })
    where !chosen.contains(where: { Self.same($0.quantity.value, dose.quantity.value) }) {
      chosen.append(dose)
    }
    ignored = doses.filter { $0.quantity.unit != unit }.map(\.quantity)
    let stated = chosen.compactMap(\.statedLevel)
    let useStated = stated.count == chosen.count && zip(stated, stated.dropFirst()).allSatisfy { $0 < $1 }
    let rangeOnly = !chosen.isEmpty && chosen.allSatisfy(\.isRangeEnd)
    levels = chosen.enumerated().map { i, mention in
      let cap = mentions.first {
        $0.role == .cap && $0.caps.map { Self.same($0.value, mention.quantity.value) } == true
      }
      let low = chosen.first!.quantity.description
      let high = chosen.last!.quantity.description
      return DoseLevel(
        level: useStated ? stated[i] : i + 1, dose: mention.quantity, maximumTotal: cap?.quantity,
        assumption: rangeOnly
          ? "registry gives only the range \(low) to \(high); its ends are taken as the lowest and highest levels, the levels between are not stated"
          : nil)
    }
  }

  private static func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(a), abs(b)) }
}
