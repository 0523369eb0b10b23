import Eligibility
import Inputs
import TrialModel

/// "Trials I may fit": one questionnaire (every question of ``PreScreeningQuestion/all``),
/// answered once, against every trial a registry search finds (its status, age, sex and place
/// filters, ``SearchIndex/matching(_:)``). A trial is *likely not eligible* when the record's own
/// age or sex limits exclude the patient, or when one of its computable criteria is likely not
/// met (``PreScreening``); never a final verdict. The others are ranked by how many of their
/// criteria the answers likely meet (each one a positive sign the trial is for this patient: its
/// diagnosis, marker, age, performance status), then by fewer criteria left for the study team,
/// then by the search's order (words, else distance).
public struct TrialFit: Sendable {
  /// The statuses of trials a patient could join: recruiting, or about to.
  public static let openStatuses = ["RECRUITING", "NOT_YET_RECRUITING"]

  /// One trial's answer.
  public struct Match: Sendable, Hashable, Codable {
    public var nctId: String
    public var title: String
    public var status: String
    public var likelyNotEligible: Bool
    /// Why not (`age 70 years: the record admits 18 Years to 65 Years`, `E3: ecog 3 > 2`).
    public var reasons: [String]
    public var likelyMet: Int
    public var mustCheck: Int
    public var criteria: Int
    public var distanceKm: Double?
  }

  /// The trials that may fit, best first, and those that likely do not, in search order.
  public struct Ranking: Sendable, Hashable, Codable {
    public var mayFit: [Match]
    public var likelyNot: [Match]
    /// How many trials the search found; the first ``maximumCandidates`` of them were assessed.
    public var found = 0
  }

  /// The trials assessed at most, in the search's order (words first: narrow the search to reach
  /// the others).
  public static let maximumCandidates = 300

  /// Ranks `candidates` (in the search's order, each with its pre-screening) for `answers` on
  /// `date`; bad answers are an error naming the question.
  public static func rank(
    _ candidates: [(listing: RegistryListing, distanceKm: Double?, screening: PreScreening)],
    answers: [String: String], on date: CivilDate
  ) throws(InputError) -> Ranking {
    let record = try PreScreening.patientRecord(answers, on: date)
    let age = answers["age"].flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
    let sex = answers["sex"].flatMap(RegistryListing.Sex.init(patient:))
    var mayFit: [(order: Int, match: Match)] = []
    var likelyNot: [Match] = []
    for (order, c) in candidates.enumerated() {
      let result = c.screening.assess(record)
      var reasons: [String] = []
      if let age, !c.listing.admits(ageYears: age) {
        let range = [
          c.listing.minimumAge.map { "from \($0)" },
          c.listing.maximumAge.map { c.listing.minimumAge == nil ? "up to \($0)" : "to \($0)" },
        ]
        reasons.append(
          "age \(Quantity.format(age)) years: the record admits \(range.compactMap { $0 }.joined(separator: " "))"
        )
      }
      if let sex, !c.listing.admits(sex: sex) {
        reasons.append(
          "sex \(sex.rawValue.lowercased()): the record admits \(c.listing.sex.rawValue.lowercased()) only")
      }
      reasons += result.findings.filter { $0.outcome == .likelyNotMet }.map { "\($0.id): \($0.because)" }
      let match = Match(
        nctId: c.listing.nctId, title: c.listing.title, status: c.listing.status,
        likelyNotEligible: !reasons.isEmpty, reasons: reasons,
        likelyMet: result.findings.filter { $0.outcome == .likelyMet }.count,
        mustCheck: result.findings.filter { $0.outcome == .studyTeamMustCheck }.count,
        criteria: result.findings.count, distanceKm: c.distanceKm)
      if reasons.isEmpty { mayFit.append((order, match)) } else { likelyNot.append(match) }
    }
    mayFit.sort { a, b in
      if a.match.likelyMet != b.match.likelyMet { return a.match.likelyMet > b.match.likelyMet }
      if a.match.mustCheck != b.match.mustCheck { return a.match.mustCheck < b.match.mustCheck }
      return a.order < b.order
    }
    return Ranking(mayFit: mayFit.map(\.match), likelyNot: likelyNot)
  }
}
