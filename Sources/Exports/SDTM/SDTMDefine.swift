/// Define-style metadata of an SDTM export (after Define-XML 2.1's dataset and variable
/// metadata): for every variable of every dataset, its label, data type, core (SDTMIG 3.4:
/// `Req` required, `Exp` expected, `Perm` permissible), role (SDTM v2.0 §2.1) and origin
/// (`Collected`, `Derived`, `Assigned`), with each dataset's class and structure. Written as
/// `define.csv` beside the datasets.
public enum SDTMDefine {
  /// One variable's metadata; a name starting `--` stands for the domain prefix (`--SEQ`).
  struct Variable {
    var label: String
    var type: String
    var core: String
    var role: String
    var origin: String
  }

  /// Each domain's class and structure (SDTMIG 3.4 domain specifications).
  static let datasets: [String: (label: String, observationClass: String, structure: String)] = [
    "DM": ("Demographics", "Special-Purpose", "One record per subject"),
    "EX": ("Exposure", "Interventions", "One record per constant dosing interval per subject"),
    "AE": ("Adverse Events", "Events", "One record per adverse event per subject"),
    "SUPPAE": (
      "Supplemental Qualifiers for AE", "Relationship",
      "One record per IDVAR, IDVARVAL, and QNAM value per subject"
    ),
    "LB": (
      "Laboratory Test Results", "Findings", "One record per lab test per time point per visit per subject"
    ),
    "RS": (
      "Disease Response", "Findings",
      "One record per response assessment per time point per visit per subject"
    ),
    "PC": (
      "Pharmacokinetics Concentrations", "Findings",
      "One record per sample characteristic or time-point concentration per reference time point or per analyte per subject"
    ),
    "PP": (
      "Pharmacokinetics Parameters", "Findings",
      "One record per PK parameter per time-concentration profile per modeling method per subject"
    ),
  ]

  private static func v(_ label: String, _ type: String, _ core: String, _ role: String, _ origin: String)
    -> Variable
  {
    Variable(label: label, type: type, core: core, role: role, origin: origin)
  }

  /// Variables named in full.
  static let named: [String: Variable] = [
    "STUDYID": v("Study Identifier", "Char", "Req", "Identifier", "Assigned"),
    "DOMAIN": v("Domain Abbreviation", "Char", "Req", "Identifier", "Assigned"),
    "USUBJID": v("Unique Subject Identifier", "Char", "Req", "Identifier", "Derived"),
    "SUBJID": v("Subject Identifier for the Study", "Char", "Req", "Topic", "Collected"),
    "RFSTDTC": v("Subject Reference Start Date/Time", "Char", "Exp", "Record Qualifier", "Derived"),
    "RFENDTC": v("Subject Reference End Date/Time", "Char", "Exp", "Record Qualifier", "Derived"),
    "RFXSTDTC": v("Date/Time of First Study Treatment", "Char", "Exp", "Record Qualifier", "Derived"),
    "RFXENDTC": v("Date/Time of Last Study Treatment", "Char", "Exp", "Record Qualifier", "Derived"),
    "RFICDTC": v("Date/Time of Informed Consent", "Char", "Exp", "Record Qualifier", "Collected"),
    "DTHDTC": v("Date/Time of Death", "Char", "Exp", "Record Qualifier", "Collected"),
    "DTHFL": v("Subject Death Flag", "Char", "Exp", "Record Qualifier", "Derived"),
    "SITEID": v("Study Site Identifier", "Char", "Req", "Record Qualifier", "Assigned"),
    "BRTHDTC": v("Date/Time of Birth", "Char", "Perm", "Record Qualifier", "Collected"),
    "SEX": v("Sex", "Char", "Req", "Record Qualifier", "Collected"),
    "ARMCD": v("Planned Arm Code", "Char", "Exp", "Record Qualifier", "Assigned"),
    "ARM": v("Description of Planned Arm", "Char", "Exp", "Synonym Qualifier", "Assigned"),
    "ACTARMCD": v("Actual Arm Code", "Char", "Exp", "Record Qualifier", "Derived"),
    "ACTARM": v("Description of Actual Arm", "Char", "Exp", "Synonym Qualifier", "Derived"),
    "ARMNRS": v("Reason Arm and/or Actual Arm is Null", "Char", "Exp", "Record Qualifier", "Derived"),
    "COUNTRY": v("Country", "Char", "Req", "Record Qualifier", "Assigned"),
    "VISITNUM": v("Visit Number", "Num", "Exp", "Timing", "Derived"),
    "VISIT": v("Visit Name", "Char", "Perm", "Timing", "Derived"),
    "AETERM": v("Reported Term for the Adverse Event", "Char", "Req", "Topic", "Collected"),
    "AEDECOD": v("Dictionary-Derived Term", "Char", "Req", "Synonym Qualifier", "Derived"),
    "AESER": v("Serious Event", "Char", "Exp", "Record Qualifier", "Derived"),
    "AEREL": v("Causality", "Char", "Exp", "Record Qualifier", "Collected"),
    "AEOUT": v("Outcome of Adverse Event", "Char", "Perm", "Record Qualifier", "Derived"),
    "RDOMAIN": v("Related Domain Abbreviation", "Char", "Req", "Identifier", "Assigned"),
    "IDVAR": v("Identifying Variable", "Char", "Exp", "Identifier", "Assigned"),
    "IDVARVAL": v("Identifying Variable Value", "Char", "Exp", "Identifier", "Derived"),
    "QNAM": v("Qualifier Variable Name", "Char", "Req", "Topic", "Assigned"),
    "QLABEL": v("Qualifier Variable Label", "Char", "Req", "Synonym Qualifier", "Assigned"),
    "QVAL": v("Data Value", "Char", "Req", "Result Qualifier", "Derived"),
    "QORIG": v("Origin", "Char", "Req", "Record Qualifier", "Assigned"),
    "QEVAL": v("Evaluator", "Char", "Exp", "Record Qualifier", "Assigned"),
    "AGE": v("Age", "Num", "Exp", "Record Qualifier", "Derived"),
    "AGEU": v("Age Units", "Char", "Exp", "Variable Qualifier", "Assigned"),
    "EXTRT": v("Name of Treatment", "Char", "Req", "Topic", "Collected"),
    "EXROUTE": v("Route of Administration", "Char", "Perm", "Variable Qualifier", "Assigned"),
    "EXDOSFRQ": v("Dosing Frequency per Interval", "Char", "Perm", "Variable Qualifier", "Assigned"),
    "PCTPTREF": v("Time Point Reference", "Char", "Perm", "Timing", "Assigned"),
    "PCELTM": v("Planned Elapsed Time from Time Point Ref", "Char", "Perm", "Timing", "Derived"),
    "PCRFTDTC": v("Date/Time of Reference Time Point", "Char", "Perm", "Timing", "Derived"),
    "PPRFTDTC": v("Date/Time of Reference Point", "Char", "Exp", "Timing", "Derived"),
    "PPSTINT": v("Planned Start of Assessment Interval", "Char", "Perm", "Timing", "Derived"),
    "PPENINT": v("Planned End of Assessment Interval", "Char", "Perm", "Timing", "Derived"),
    "RSEVAL": v("Evaluator", "Char", "Exp", "Record Qualifier", "Assigned"),
    "LBLOBXFL": v("Last Observation Before Exposure Flag", "Char", "Exp", "Record Qualifier", "Derived"),
    "LBNRIND": v("Reference Range Indicator", "Char", "Exp", "Variable Qualifier", "Derived"),
    "LBTOXGR": v("Standard Toxicity Grade", "Char", "Perm", "Record Qualifier", "Derived"),
  ]

  /// Variables named by their suffix after the domain prefix.
  static let suffixed: [String: Variable] = [
    "SEQ": v("Sequence Number", "Num", "Req", "Identifier", "Derived"),
    "TESTCD": v("Short Name of Measurement, Test or Examination", "Char", "Req", "Topic", "Assigned"),
    "TEST": v("Name of Measurement, Test or Examination", "Char", "Req", "Synonym Qualifier", "Assigned"),
    "CAT": v("Category", "Char", "Exp", "Grouping Qualifier", "Assigned"),
    "ORRES": v("Result or Finding in Original Units", "Char", "Exp", "Result Qualifier", "Collected"),
    "ORRESU": v("Original Units", "Char", "Exp", "Variable Qualifier", "Collected"),
    "ORNRLO": v("Reference Range Lower Limit in Orig Unit", "Char", "Exp", "Variable Qualifier", "Collected"),
    "ORNRHI": v("Reference Range Upper Limit in Orig Unit", "Char", "Exp", "Variable Qualifier", "Collected"),
    "STRESC": v("Character Result/Finding in Std Format", "Char", "Exp", "Result Qualifier", "Derived"),
    "STRESN": v("Numeric Result/Finding in Standard Units", "Num", "Exp", "Result Qualifier", "Derived"),
    "STRESU": v("Standard Units", "Char", "Exp", "Variable Qualifier", "Derived"),
    "STNRLO": v("Reference Range Lower Limit-Std Units", "Num", "Exp", "Variable Qualifier", "Derived"),
    "STNRHI": v("Reference Range Upper Limit-Std Units", "Num", "Exp", "Variable Qualifier", "Derived"),
    "STAT": v("Completion Status", "Char", "Perm", "Record Qualifier", "Derived"),
    "REASND": v("Reason Not Done", "Char", "Perm", "Record Qualifier", "Derived"),
    "SPEC": v("Specimen Type", "Char", "Exp", "Record Qualifier", "Assigned"),
    "LLOQ": v("Lower Limit of Quantitation", "Num", "Exp", "Variable Qualifier", "Collected"),
    "DTC": v("Date/Time of Collection", "Char", "Exp", "Timing", "Collected"),
    "DY": v("Study Day of Visit/Collection/Exam", "Num", "Perm", "Timing", "Derived"),
    "STDTC": v("Start Date/Time", "Char", "Exp", "Timing", "Collected"),
    "ENDTC": v("End Date/Time", "Char", "Exp", "Timing", "Collected"),
    "STDY": v("Study Day of Start", "Num", "Perm", "Timing", "Derived"),
    "ENDY": v("Study Day of End", "Num", "Perm", "Timing", "Derived"),
    "DOSE": v("Dose", "Num", "Exp", "Record Qualifier", "Collected"),
    "DOSU": v("Dose Units", "Char", "Exp", "Variable Qualifier", "Collected"),
    "TOXGR": v("Standard Toxicity Grade", "Char", "Perm", "Record Qualifier", "Derived"),
  ]

  /// The metadata of `name` in `domain`, when known.
  static func variable(_ name: String, domain: String) -> Variable? {
    if let known = named[name] { return known }
    guard name.hasPrefix(domain) else { return nil }
    return suffixed[String(name.dropFirst(domain.count))]
  }

  /// The metadata of every variable of `datasets`, as a table.
  public static func metadata(_ datasets: [SDTMDataset]) -> SDTMDataset {
    var rows: [[String]] = []
    for d in datasets {
      let dataset = Self.datasets[d.domain]
      for (order, name) in d.variables.enumerated() {
        let meta = variable(name, domain: d.domain)
        rows.append([
          d.domain, dataset?.label ?? "", dataset?.observationClass ?? "", dataset?.structure ?? "",
          String(order + 1),
          name, meta?.label ?? "", meta?.type ?? "", meta?.core ?? "", meta?.role ?? "", meta?.origin ?? "",
        ])
      }
    }
    return SDTMDataset(
      domain: "DEFINE",
      variables: [
        "DATASET", "DESCRIPTION", "CLASS", "STRUCTURE", "ORDER", "VARIABLE", "LABEL", "TYPE", "CORE", "ROLE",
        "ORIGIN",
      ],
      rows: rows)
  }
}
