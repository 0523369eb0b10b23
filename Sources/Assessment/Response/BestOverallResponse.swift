import Inputs
import TrialModel

/// Where a subject's best overall response stands.
public enum ResponseStatus: String, Sendable, Hashable, Codable {
  /// A CR/CRi within the window was maintained for the durability period.
  case confirmedRemission
  /// A CR/CRi within the window awaits an assessment after the durability period.
  case pendingConfirmation
  /// No maintained remission within the window.
  case nonResponder
  /// No disease assessment within the window.
  case notEvaluable
}

/// Best overall response of one subject within the protocol's response window, with the
/// durability rule: a remission counts only if a later assessment at least `durabilityDays` after
/// it still shows CR/CRi, with no loss of remission in between (ELIANA primary endpoint, Novartis
/// HCP page; CIBMTR 4-week durability).
public struct BestOverallResponse: Sendable, Hashable, Codable {
  /// The best response (remissions only when maintained); `nil` when not evaluable.
  public var bestResponse: ResponseCategory?
  public var status: ResponseStatus
  /// Counts toward ORR: confirmed CR or CRi within the window.
  public var responder: Bool
  /// The confirmed remission was MRD-negative with a sufficiently sensitive assay.
  public var mrdNegativeRemission: Bool
  public var reason: String
  /// The assessments that decided: the remission and its confirmation, or the best response.
  public var decidingAssessments: [AssessedResponse]
  /// Every assessment, classified.
  public var assessments: [AssessedResponse]
  public var windowDays: Int
  public var durabilityDays: Int
}

extension ResponseClassifier {
  /// Classifies every assessment in day order (relapse needs the history) and derives the best
  /// overall response. `dayOf` places an assessment in study days (from its day or date).
  public func bestOverallResponse(
    _ record: ResponseRecord, windowDays: Int,
    dayOf: (DiseaseAssessment) throws(InputError) -> Double
  ) throws(InputError) -> BestOverallResponse {
    var dated: [(Double, DiseaseAssessment)] = []
    for (index, a) in record.assessments.enumerated() {
      do { dated.append((try dayOf(a), a)) } catch {
        throw error.nested(under: "response.assessments[\(index)]")
      }
    }
    dated.sort { $0.0 < $1.0 }
    var history = History()
    var classified: [AssessedResponse] = []
    for (index, (day, a)) in dated.enumerated() {
      do {
        let r = try classify(a, day: day, baseline: record.baseline, history: history)
        history.record(r.category)
        classified.append(r)
      } catch {
        throw error.nested(under: "response.assessments[\(index)]")
      }
    }
    return best(of: classified, windowDays: windowDays)
  }

  private func best(of all: [AssessedResponse], windowDays: Int) -> BestOverallResponse {
    let window = Double(windowDays)
    let durability = settings.durabilityDays.value
    func result(
      _ best: ResponseCategory?, _ status: ResponseStatus, _ reason: String, _ deciding: [AssessedResponse],
      mrdNegative: Bool = false
    ) -> BestOverallResponse {
      BestOverallResponse(
        bestResponse: best, status: status, responder: status == .confirmedRemission,
        mrdNegativeRemission: mrdNegative, reason: reason, decidingAssessments: deciding, assessments: all,
        windowDays: Int(window), durabilityDays: durability)
    }
    let inWindow = all.indices.filter { all[$0].day >= 0 && all[$0].day <= window }
    guard !inWindow.isEmpty else {
      return result(nil, .notEvaluable, "no disease assessment between day 0 and day \(Int(window))", [])
    }
    var confirmed: [(Int, Int)] = []
    var awaiting: [Int] = []
    var lost: [String] = []
    for i in inWindow where all[i].category.isRemission {
      let due = all[i].day + Double(durability)
      let later = all[(i + 1)...]
      let firstLoss = later.first { !$0.category.isRemission }
      if let j = later.firstIndex(where: { $0.day >= due }),
        firstLoss == nil || firstLoss!.day > all[j].day, all[j].category.isRemission
      {
        confirmed.append((i, j))
      } else if let loss = firstLoss {
        lost.append(
          "\(all[i].category.rawValue) on day \(DayFormat.text(all[i].day)) not maintained "
            + "(\(loss.category.rawValue) on day \(DayFormat.text(loss.day)))")
      } else {
        awaiting.append(i)
      }
    }
    if let (i, j) = confirmed.max(by: { all[$0.0].category.rank < all[$1.0].category.rank }) {
      let negative = confirmed.contains { all[$0.0].category.isRemission && all[$0.0].mrd == .negative }
      return result(
        all[i].category, .confirmedRemission,
        "\(all[i].category.rawValue) on day \(DayFormat.text(all[i].day)), maintained on day "
          + "\(DayFormat.text(all[j].day)) (≥ \(durability) days)" + (negative ? ", MRD-negative" : ""),
        [all[i], all[j]], mrdNegative: negative)
    }
    if let i = awaiting.max(by: { all[$0].category.rank < all[$1].category.rank }) {
      return result(
        all[i].category, .pendingConfirmation,
        "\(all[i].category.rawValue) on day \(DayFormat.text(all[i].day)) awaits confirmation on or after day "
          + DayFormat.text(all[i].day + Double(durability)), [all[i]])
    }
    let others = inWindow.filter { !all[$0].category.isRemission }
    let bestOther = others.max { all[$0].category.rank < all[$1].category.rank }
    let category = bestOther.map { all[$0].category } ?? .noResponse
    let text =
      (bestOther.map { ["best response \(category.rawValue) on day \(DayFormat.text(all[$0].day))"] } ?? [])
      + lost
    return result(category, .nonResponder, text.joined(separator: "; "), bestOther.map { [all[$0]] } ?? [])
  }
}
