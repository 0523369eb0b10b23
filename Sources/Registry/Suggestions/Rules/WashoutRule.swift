/// Washout windows: "Those who received radiotherapy within 4 weeks before …", "Has had treat with
/// live vaccine within 6 weeks prior to screening", "Participated in other clinical trials within
/// 30 days", "investigational medicinal product within 3 months before signing informed consent".
///
/// An exclusion states the excluding exposure (`radiotherapy within 4 weeks before infusion`); an
/// inclusion "No radiotherapy within …" its negation. The window includes both ends and an
/// exposure counts when any day of it is in the window (README: `within`). A text without an
/// anchor is read at screening, as the bundled protocols do (NCT05164042 E10); an anchor the
/// language has no date for ("the start of the study", apheresis) makes the rule decline.
struct WashoutRule: SuggestionRule {
  let name = "washout-window"

  /// Exposures and their event classes (README: history classes).
  private static let exposures: [(String, String)] = [
    (#"(?:local |external[- ]beam )?(?:radiotherapy|radiation therapy|radiation)"#, "radiotherapy"),
    (
      #"(?:an? |any )?(?:other )?investigational (?:medicinal )?(?:products?|drugs?|agents?)"#,
      "investigationalProduct"
    ),
    (
      #"(?:in )?(?:any |an? )?(?:other |another )?(?:interventional )?clinical (?:trials?|stud(?:y|ies))"#,
      "clinicalTrial"
    ),
    (#"(?:an? |any )?live(?: attenuated)? (?:vaccines?|vaccination)"#, "vaccine.live"),
    (
      #"(?:an? )?(?:allogeneic (?:hematopoietic )?stem cell transplant(?:ation)?|allo-hsct|allo-sct|allogeneic hsct)"#,
      "hsct.allogeneic"
    ),
    (#"(?:an? )?donor lymphocyte infusions?(?: \(dli\))?|dli"#, "dli"),
    (#"(?:an? )?major surgery"#, "surgery.major"),
    (#"intrathecal chemotherapy"#, "chemotherapy.intrathecal"),
    (#"(?:tyrosine kinase inhibitors?(?: \(tkis?\))?|tkis?)"#, "tki"),
  ]
  private static let anchors: [(String, String)] = [
    (#"(?:the )?(?:planned )?(?:car-?t[- ]?(?:cells? )?|cart |cell |study cell )?infusion"#, "infusion"),
    (
      #"(?:signing (?:the |of )?)?(?:the )?informed consent(?: form)?|(?:signing )?(?:the )?icf|consent"#,
      "consent"
    ),
    (#"(?:the )?(?:study )?enrol(?:l)?ment|enrol(?:l)?ing"#, "enrollment"),
    (#"(?:the )?screening"#, "screening"),
    (
      #"(?:the )?(?:lymphodepletion|lymphodepleting chemotherapy|lymphodepletion chemotherapy|cleansing)"#,
      "lymphodepletion"
    ),
  ]
  private static let exposure = "(" + exposures.map(\.0).joined(separator: "|") + ")"
  private static let anchor = "(" + anchors.map(\.0).joined(separator: "|") + ")"
  private static let window =
    #" (?:was |were |is )?(?:used |given |received |administered |performed )?within (?:the )?(?:last |past |previous )?"#
    + QuantityWords.number + " " + QuantityWords.durationUnit
    + "(?: (?:before|prior to|preceding|of) " + anchor + ")?"
  private static let lead =
    #"(?:(?:patients?|subjects?|participants?|those) (?:who )?)?(?:(?:has|have|had) ){0,2}(?:(?:received|undergone|been treated with|treatment with|treat with|treated with|use of|used|had|participated|participation|vaccinated with|receipt of|received treatment with) )?"#
  private static let excluding = TextPattern(lead + exposure + window)
  private static let notExposed = TextPattern(
    #"no (?:prior )?(?:(?:treatment with|use of|receipt of) )?"# + exposure + window)

  func suggest(_ wording: CriterionWording, isExclusion: Bool) -> CriterionSuggestion? {
    guard let m = (isExclusion ? Self.excluding : Self.notExposed).match(wording.text),
      let exposure = m[0].flatMap(Self.eventClass), let amount = m[1], let unit = m[2]
    else { return nil }
    var assumptions = [
      "An exposure counts when any day of it (date to endDate, or ongoing) is in the window."
    ]
    let anchor: String
    if let written = m[3] {
      guard let a = Self.anchors.first(where: { Self.whole(written, $0.0) })?.1 else { return nil }
      anchor = a
    } else {
      anchor = "screening"
      assumptions.append("The text names no anchor: the window is read back from screening.")
    }
    let window = "\(exposure) within \(amount) \(QuantityWords.durationUnit(unit)) before \(anchor)"
    return CriterionSuggestion(
      expression: isExclusion ? window : "not (\(window))", rule: name, assumptions: assumptions)
  }

  private static func eventClass(_ written: String) -> String? {
    exposures.first { whole(written, $0.0) }?.1
  }

  private static func whole(_ text: String, _ pattern: String) -> Bool {
    TextPattern(pattern).match(text) != nil
  }
}
