import Inputs
import TrialModel

/// Study days from calendar dates: day 0 is the infusion date. Dates are ISO 8601 `yyyy-MM-dd`,
/// optionally with a time `THH:mm` (hours become fractions of a day). Time zones are not used:
/// all dates of one subject are taken in the site's local time.
public enum StudyDay {
  /// Days from `infusion` to `date`, e.g. `2026-01-01` → `2026-01-04T12:00` is 3.5.
  public static func days(from infusion: String, to date: String, field: String) throws(InputError)
    -> Double
  {
    try serial(date, field: field) - serial(infusion, field: "infusionDate")
  }

  /// Days since 1970-01-01 as ``CalendarDate`` counts them, plus the time of day as a fraction.
  static func serial(_ text: String, field: String) throws(InputError) -> Double {
    let bad = InputError(
      field: field, expected: "a date yyyy-MM-dd or yyyy-MM-ddTHH:mm", found: "\"\(text)\"")
    let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
    guard let day = parts.first, let date = CalendarDate(iso: String(day)) else { throw bad }
    var fraction = 0.0
    if parts.count == 2 {
      let hm = parts[1].prefix(5).split(separator: ":").compactMap { Int($0) }
      guard hm.count == 2, (0...23).contains(hm[0]), (0...59).contains(hm[1]) else { throw bad }
      fraction = (Double(hm[0]) + Double(hm[1]) / 60) / 24
    }
    return Double(date.dayNumber) + fraction
  }
}
