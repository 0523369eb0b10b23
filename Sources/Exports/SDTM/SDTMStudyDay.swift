import TrialModel

/// SDTM study days (SDTMIG 3.4 §4.4.4): `--DY = date − RFSTDTC + 1` on or after the reference
/// start date, `date − RFSTDTC` before it; there is no day 0. Here RFSTDTC is the subject's first
/// CAR-T infusion.
public enum SDTMStudyDay {
  public static func day(_ date: CalendarDate, reference: CalendarDate) -> Int {
    let d = date.days(since: reference)
    return d >= 0 ? d + 1 : d
  }

  /// The study day as text, empty without a reference date.
  static func text(_ date: CalendarDate?, reference: CalendarDate?) -> String {
    guard let date, let reference else { return "" }
    return String(day(date, reference: reference))
  }
}
