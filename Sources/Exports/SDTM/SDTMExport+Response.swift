import Assessment
import TrialConduct
import TrialModel

extension SDTMExport {
  /// RS (SDTMIG 3.4 §6.3.13.3, disease response): for each infused subject, the response of every
  /// disease assessment (`RSTESTCD = OVRLRESP`, by the protocol's response rules, ELN 2024 for
  /// B-ALL: Gökbuget et al., Blood 2024;143:1891) and the best overall response within the
  /// protocol's window with its durability rule (`RSTESTCD = BESTRESP`, dated at its deciding
  /// assessment; `RSSTAT = NOT DONE` with the reason when it cannot be evaluated).
  public static func response(_ state: TrialState) -> SDTMDataset {
    let variables = [
      "STUDYID", "DOMAIN", "USUBJID", "RSSEQ", "RSTESTCD", "RSTEST", "RSCAT", "RSORRES", "RSSTRESC", "RSSTAT",
      "RSREASND", "RSEVAL", "VISITNUM", "VISIT", "RSDTC", "RSDY",
    ]
    var rows: [[String]] = []
    for s in state.orderedSubjects {
      guard let infusion = s.infusion?.date else { continue }
      let record = state.subjectRecord(s, through: nil)
      guard let best = try? record.bestOverallResponse(settings: state.protocolInForce.assessment.response)
      else { continue }
      var seq = 0
      func row(_ code: String, _ name: String, _ result: String, status: String, reason: String, day: Double?)
      {
        seq += 1
        let date = day.map { infusion.adding(days: Int($0.rounded(.down))) }
        rows.append([
          state.trial, "RS", usubjid(state, s.id), String(seq), code, name, "ELN 2024 B-ALL RESPONSE", result,
          result.uppercased(), status, reason, "INVESTIGATOR", day.map(visitNumber) ?? "",
          day.map(visitName) ?? "",
          date?.description ?? "", SDTMStudyDay.text(date, reference: infusion),
        ])
      }
      for assessed in best.assessments {
        row(
          "OVRLRESP", "Overall Response", responseText(assessed.category), status: "", reason: "",
          day: assessed.day)
      }
      if let category = best.bestResponse {
        row(
          "BESTRESP", "Best Overall Response", responseText(category), status: "", reason: "",
          day: best.decidingAssessments.first?.day)
      } else {
        row("BESTRESP", "Best Overall Response", "", status: "NOT DONE", reason: best.reason, day: nil)
      }
    }
    return SDTMDataset(domain: "RS", variables: variables, rows: rows)
  }

  /// The response as collected: `CR`, `CRi`, `PR`, `NR`, `PD`, `RELAPSE`.
  static func responseText(_ category: ResponseCategory) -> String {
    category == .relapse ? "RELAPSE" : category.rawValue
  }
}
