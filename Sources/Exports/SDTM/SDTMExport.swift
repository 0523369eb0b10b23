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
/// - AE holds one record per adverse event (graded assessments gathered into episodes): CRS and
///   ICANS with their ASTCT consensus grade in `AETOXGR` (Lee et al., Biol Blood Marrow Transplant
///   2019;25:625), labs and reported events with their CTCAE v5.0 grade; the scale and the DLT
///   flag in SUPPAE; `AEREL` from the recorded attribution;
/// - LB, RS and PC have one visit per day after infusion (`VISITNUM` the day, `VISIT = DAY n`);
///   LB's standard units are SI, RS follows the protocol's response rules, PP the report's NCA.
public enum SDTMExport {
  /// DM, EX, AE, LB, RS, PC and PP of `state`.
  public static func datasets(_ state: TrialState) -> [SDTMDataset] {
    [
      demographics(state), exposure(state), adverseEvents(state), supplementalAdverseEvents(state),
      laboratory(state), response(state), concentrations(state), parameters(state),
    ]
  }

  static func usubjid(_ state: TrialState, _ subject: String) -> String { "\(state.trial)-\(subject)" }

  /// DM (SDTMIG 3.4 §5.2): one record per subject screened. `RFXSTDTC` is the first study
  /// treatment (lymphodepletion's first day, else the infusion), `RFXENDTC` the infusion; `AGE`
  /// in completed years at `RFSTDTC` (at informed consent for a subject never infused); `COUNTRY`
  /// in ISO 3166-1 alpha-3, of the protocol's sites (one country for all subjects: the first
  /// site's, when the sites span several).
  public static func demographics(_ state: TrialState) -> SDTMDataset {
    let variables = [
      "STUDYID", "DOMAIN", "USUBJID", "SUBJID", "RFSTDTC", "RFENDTC", "RFXSTDTC", "RFXENDTC", "RFICDTC",
      "DTHDTC", "DTHFL", "SITEID", "BRTHDTC", "AGE", "AGEU", "SEX", "ARMCD", "ARM", "ACTARMCD", "ACTARM",
      "ARMNRS", "COUNTRY",
    ]
    let country =
      state.protocolInForce.sites.compactMap(\.country).first.map { CountryCode.code($0) ?? $0 } ?? ""
    let rows = state.orderedSubjects.map { s -> [String] in
      let demographics = patientRecord(s)["demographics"] as? [String: Any] ?? [:]
      let infused = s.infusion?.date.description ?? ""
      let firstTreatment = (s.lymphodepletion?.date ?? s.infusion?.date)?.description ?? ""
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
        switch (demographics["sex"] as? String)?.lowercased() {
        case "male", "m": "M"
        case "female", "f": "F"
        default: "U"
        }
      let birth = (demographics["birthDate"] as? String).flatMap(CalendarDate.init(iso:))
      let ageAt = s.infusion?.date ?? s.consentDate
      let age = birth.flatMap { b in ageAt.map { String(completedYears(from: b, to: $0)) } } ?? ""
      return [
        state.trial, "DM", usubjid(state, s.id), s.id, infused, s.offStudy?.date.description ?? "",
        firstTreatment, infused, s.consentDate?.description ?? "", died ? s.offStudy!.date.description : "",
        died ? "Y" : "", s.site ?? "", birth?.description ?? "", age, age.isEmpty ? "" : "YEARS", sex,
        arm?.code ?? "", arm?.label ?? "", actual?.code ?? "", actual?.label ?? "",
        arm == nil ? "SCREEN FAILURE" : (actual == nil ? "ASSIGNED, NOT TREATED" : ""), country,
      ]
    }
    return SDTMDataset(domain: "DM", variables: variables, rows: rows)
  }

  /// Completed years from `birth` to `date` (a birthday counts on its day; 29 February on 1 March
  /// in other years).
  static func completedYears(from birth: CalendarDate, to date: CalendarDate) -> Int {
    let (by, bm, bd) = birth.components
    let (y, m, d) = date.components
    return y - by - ((m, d) < (bm, bd) ? 1 : 0)
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
  /// the start, and the end once resolved (`AEOUT`). `AEDECOD` is the MedDRA preferred term where
  /// the event is one by definition (CRS, ICANS, the CTCAE lab terms), else the reported term
  /// (not coded here). The DLT flag and the grading scale are supplemental qualifiers (SUPPAE,
  /// ``supplementalAdverseEvents(_:)``).
  public static func adverseEvents(_ state: TrialState) -> SDTMDataset {
    let variables = [
      "STUDYID", "DOMAIN", "USUBJID", "AESEQ", "AETERM", "AEDECOD", "AECAT", "AESTDTC", "AEENDTC", "AESTDY",
      "AEENDY", "AETOXGR", "AEREL", "AESER", "AEOUT",
    ]
    let rows = adverseEventRecords(state).map { r -> [String] in
      let e = r.episode
      return [
        state.trial, "AE", r.usubjid, String(r.seq), r.term, r.decod, e.kind.rawValue.uppercased(),
        r.start.description, r.end?.description ?? "", SDTMStudyDay.text(r.start, reference: r.infusion),
        SDTMStudyDay.text(r.end, reference: r.infusion), String(e.worstGrade),
        e.related.map { $0 ? "RELATED" : "NOT RELATED" } ?? "", e.worstGrade == 5 ? "Y" : "",
        e.worstGrade == 5 ? "FATAL" : (e.resolved ? "RECOVERED/RESOLVED" : "NOT RECOVERED/NOT RESOLVED"),
      ]
    }
    return SDTMDataset(domain: "AE", variables: variables, rows: rows)
  }

  /// SUPPAE (SDTMIG 3.4 §8.4): for every AE record, `AEDLT` — whether the event is a
  /// dose-limiting toxicity: an event the protocol's DLT rules name as deciding, for a subject
  /// not adjudicated otherwise by the investigator — and `AETOXSC`, the grading scale of
  /// `AETOXGR` (ASTCT 2019 for CRS and ICANS, Lee et al. 2019; CTCAE v5.0 otherwise).
  public static func supplementalAdverseEvents(_ state: TrialState) -> SDTMDataset {
    let variables = [
      "STUDYID", "RDOMAIN", "USUBJID", "IDVAR", "IDVARVAL", "QNAM", "QLABEL", "QVAL", "QORIG", "QEVAL",
    ]
    var rows: [[String]] = []
    for r in adverseEventRecords(state) {
      let scale = r.episode.kind == .crs || r.episode.kind == .icans ? "ASTCT 2019" : "CTCAE v5.0"
      rows.append([
        state.trial, "AE", r.usubjid, "AESEQ", String(r.seq), "AEDLT", "Dose-Limiting Toxicity",
        r.dlt ? "Y" : "N",
        "Derived", r.adjudicated ? "INVESTIGATOR" : "",
      ])
      rows.append([
        state.trial, "AE", r.usubjid, "AESEQ", String(r.seq), "AETOXSC", "Toxicity Grading Scale", scale,
        "Assigned", "",
      ])
    }
    return SDTMDataset(domain: "SUPPAE", variables: variables, rows: rows)
  }

  /// One AE record before it is written as AE and SUPPAE rows.
  struct AdverseEventRecord {
    var usubjid: String
    var seq: Int
    var episode: AdverseEventEpisode
    var term: String
    var decod: String
    var infusion: CalendarDate
    var start: CalendarDate
    var end: CalendarDate?
    var dlt: Bool
    var adjudicated: Bool
  }

  static func adverseEventRecords(_ state: TrialState) -> [AdverseEventRecord] {
    var records: [AdverseEventRecord] = []
    let settings = state.protocolInForce.assessment
    for s in state.orderedSubjects {
      let record = state.subjectRecord(s, through: nil)
      guard let infusion = s.infusion?.date, let events = try? record.gradedEvents(settings: settings) else {
        continue
      }
      // The events deciding a DLT by the rules, unless the investigator adjudicated no DLT.
      let computed = s.enrolment.flatMap {
        try? record.adjudicateDLT(settings: settings, designWindowDays: state.dltWindowDays(group: $0.group))
      }
      let deciding =
        s.adjudication?.outcome == .noDlt ? [] : (computed?.decidingEvents.flatMap(\.events) ?? [])
      for (i, e) in AdverseEventEpisode.episodes(events).enumerated() {
        let (term, decod): (String, String) =
          switch e.kind {
          case .crs: ("Cytokine release syndrome", "Cytokine release syndrome")
          case .icans:
            (
              "Immune effector cell-associated neurotoxicity syndrome",
              "Immune effector cell-associated neurotoxicity syndrome"
            )
          case .lab:
            (LabTerm(rawValue: e.term)?.ctcaeTerm ?? e.term, LabTerm(rawValue: e.term)?.ctcaeTerm ?? e.term)
          case .adverseEvent: (e.term, e.term)
          }
        let dlt = deciding.contains { d in
          d.kind == e.kind && d.term == e.term && d.day >= e.start && d.day <= e.lastGraded
        }
        records.append(
          AdverseEventRecord(
            usubjid: usubjid(state, s.id), seq: i + 1, episode: e, term: term, decod: decod,
            infusion: infusion,
            start: infusion.adding(days: Int(e.start.rounded(.down))),
            end: e.resolved ? infusion.adding(days: Int(e.lastGraded.rounded(.down))) : nil, dlt: dlt,
            adjudicated: s.adjudication != nil))
      }
    }
    return records
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
