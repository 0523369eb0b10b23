import Assessment
import Foundation
import TrialConduct
import TrialModel

/// A trial's SDTM (SDTMIG 3.4) tabulation: DM, EX, AE, LB, RS, PC and PP, built from the conduct
/// fold alone, with define-style metadata (``SDTMDefine``).
///
/// Conventions (the sponsor's, as SDTMIG 3.4 §4 leaves them to the sponsor):
/// - `USUBJID` is `STUDYID-SUBJID`; `RFSTDTC` is the date of the first CAR-T infusion, and every
///   `--DY` is counted from it (``SDTMStudyDay``, no day 0);
/// - `ARMCD` is the group and dose level (`A-L2`), `ARM` its label; a subject never enrolled has
///   `ARMNRS = SCREEN FAILURE` (SDTMIG 3.4 §5.2, DM assumptions 4);
/// - EX holds the CAR-T infusion (`EXDOSE` in cells/kg) and each lymphodepleting agent as its own
///   treatment (`EXDOSE` in mg/m² per day, from the first day over the agent's days);
/// - AE holds one record per adverse event (graded assessments gathered into episodes): CRS and ICANS with their ASTCT consensus grade in
///   `AETOXGR` (Lee et al., Biol Blood Marrow Transplant 2019;25:625) and `AETOXGRV = ASTCT 2019`,
///   labs and reported events with their CTCAE grade and `AETOXGRV = CTCAE v5.0`; `AEREL` from
///   the recorded attribution;
/// - LB, RS and PC have one visit per day after infusion (`VISITNUM` the day, `VISIT = DAY n`);
///   LB's standard units are SI, RS follows the protocol's response rules, PP the report's NCA.
public enum SDTMExport {
  /// DM, EX, AE, LB, RS, PC and PP of `state`.
  public static func datasets(_ state: TrialState) -> [SDTMDataset] {
    [
      demographics(state), exposure(state), adverseEvents(state), laboratory(state), response(state),
      concentrations(state), parameters(state),
    ]
  }

  static func usubjid(_ state: TrialState, _ subject: String) -> String { "\(state.trial)-\(subject)" }

  /// DM (SDTMIG 3.4 §5.2): one record per subject screened.
  public static func demographics(_ state: TrialState) -> SDTMDataset {
    let variables = [
      "STUDYID", "DOMAIN", "USUBJID", "SUBJID", "RFSTDTC", "RFENDTC", "RFXSTDTC", "RFXENDTC", "RFICDTC",
      "DTHDTC", "DTHFL", "SITEID", "BRTHDTC", "SEX", "ARMCD", "ARM", "ACTARMCD", "ACTARM", "ARMNRS",
      "COUNTRY",
    ]
    let rows = state.orderedSubjects.map { s -> [String] in
      let patient = patientRecord(s)
      let infused = s.infusion?.date.description ?? ""
      let arm = s.enrolment.map {
        (code: "\($0.group)-L\($0.level)", label: "Group \($0.group) dose level \($0.level)")
      }
      let actual = s.infusion.map {
        (
          code: "\($0.dose.group)-L\($0.dose.level)",
          label: "Group \($0.dose.group) dose level \($0.dose.level)"
        )
      }
      let died = s.offStudy?.reason == .died
      let sex: String =
        switch (patient["sex"] as? String)?.lowercased() {
        case "male", "m": "M"
        case "female", "f": "F"
        default: "U"
        }
      return [
        state.trial, "DM", usubjid(state, s.id), s.id, infused, s.offStudy?.date.description ?? "", infused,
        infused, s.consentDate?.description ?? "", died ? s.offStudy!.date.description : "", died ? "Y" : "",
        s.site ?? "", patient["birthDate"] as? String ?? "", sex, arm?.code ?? "", arm?.label ?? "",
        actual?.code ?? "", actual?.label ?? "",
        arm == nil ? "SCREEN FAILURE" : (actual == nil ? "NOT TREATED" : ""),
        state.protocolInForce.sites.first?.country ?? "",
      ]
    }
    return SDTMDataset(domain: "DM", variables: variables, rows: rows)
  }

  /// EX (SDTMIG 3.4 §6.1.4): the CAR-T infusion and each lymphodepleting agent, per subject.
  public static func exposure(_ state: TrialState) -> SDTMDataset {
    let variables = [
      "STUDYID", "DOMAIN", "USUBJID", "EXSEQ", "EXTRT", "EXCAT", "EXDOSE", "EXDOSU", "EXDOSFRQ", "EXROUTE",
      "EXSTDTC", "EXENDTC", "EXSTDY", "EXENDY",
    ]
    var rows: [[String]] = []
    for s in state.orderedSubjects {
      let reference = s.infusion?.date
      var seq = 0
      func row(
        _ treatment: String, _ category: String, _ dose: Double, _ unit: String, _ frequency: String,
        _ start: CalendarDate, _ end: CalendarDate
      ) -> [String] {
        seq += 1
        return [
          state.trial, "EX", usubjid(state, s.id), String(seq), treatment, category, number(dose), unit,
          frequency,
          "INTRAVENOUS", start.description, end.description, SDTMStudyDay.text(start, reference: reference),
          SDTMStudyDay.text(end, reference: reference),
        ]
      }
      if let ld = s.lymphodepletion {
        for agent in ld.agents {
          rows.append(
            row(
              agent.agent.uppercased(), "LYMPHODEPLETION", agent.mgPerM2PerDay, "mg/m2", "QD", ld.date,
              ld.date.adding(days: agent.days - 1)))
        }
      }
      if let infusion = s.infusion {
        rows.append(
          row(
            state.protocolInForce.product.name.uppercased(), "CAR-T", infusion.dose.cellsPerKg, "cells/kg",
            "ONCE",
            infusion.date, infusion.date))
      }
    }
    return SDTMDataset(domain: "EX", variables: variables, rows: rows)
  }

  /// AE (SDTMIG 3.4 §6.2.1): one record per adverse event after infusion — the graded
  /// assessments of a term gathered into episodes (``AdverseEventEpisode``) with the worst grade,
  /// the start, and the end once resolved (`AEOUT`).
  public static func adverseEvents(_ state: TrialState) -> SDTMDataset {
    let variables = [
      "STUDYID", "DOMAIN", "USUBJID", "AESEQ", "AETERM", "AEDECOD", "AECAT", "AESTDTC", "AEENDTC", "AESTDY",
      "AEENDY", "AETOXGR", "AETOXGRV", "AEREL", "AESER", "AEOUT",
    ]
    var rows: [[String]] = []
    for s in state.orderedSubjects {
      guard let infusion = s.infusion?.date,
        let events = try? state.subjectRecord(s, through: nil).gradedEvents(
          settings: state.protocolInForce.assessment)
      else { continue }
      for (i, e) in AdverseEventEpisode.episodes(events).enumerated() {
        let start = infusion.adding(days: Int(e.start.rounded(.down)))
        let end = e.resolved ? infusion.adding(days: Int(e.lastGraded.rounded(.down))) : nil
        let (term, decod, version): (String, String, String) =
          switch e.kind {
          case .crs: ("Cytokine release syndrome", "Cytokine release syndrome", "ASTCT 2019")
          case .icans: ("Immune effector cell-associated neurotoxicity syndrome", "", "ASTCT 2019")
          case .lab:
            (
              LabTerm(rawValue: e.term)?.ctcaeTerm ?? e.term, LabTerm(rawValue: e.term)?.ctcaeTerm ?? "",
              "CTCAE v5.0"
            )
          case .adverseEvent: (e.term, "", "CTCAE v5.0")
          }
        let outcome =
          e.worstGrade == 5 ? "FATAL" : (e.resolved ? "RECOVERED/RESOLVED" : "NOT RECOVERED/NOT RESOLVED")
        rows.append([
          state.trial, "AE", usubjid(state, s.id), String(i + 1), term, decod, e.kind.rawValue.uppercased(),
          start.description, end?.description ?? "", SDTMStudyDay.text(start, reference: infusion),
          SDTMStudyDay.text(end, reference: infusion), String(e.worstGrade), version,
          e.related.map { $0 ? "RELATED" : "NOT RELATED" } ?? "", e.worstGrade == 5 ? "Y" : "", outcome,
        ])
      }
    }
    return SDTMDataset(domain: "AE", variables: variables, rows: rows)
  }

  /// The subject's screening record as JSON (empty when absent or not an object).
  static func patientRecord(_ s: SubjectState) -> [String: Any] {
    guard let text = s.screening?.patientRecord,
      let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    else { return [:] }
    return object
  }

  /// A number as SDTM writes it: whole numbers without a decimal point.
  static func number(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
  }
}
