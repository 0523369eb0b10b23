/// Study days from calendar dates: day 0 is the infusion date. Dates are ISO 8601 `yyyy-MM-dd`,
/// optionally with a time `THH:mm` (hours become fractions of a day). Time zones are not used:
/// all dates of one subject are taken in the site's local time.
public enum StudyDay {
  /// Days from `infusion` to `date`, e.g. `2026-01-01` → `2026-01-04T12:00` is 3.5.
  public static func days(from infusion: String, to date: String, field: String) throws(AssessmentInputError)
    -> Double
  {
    try serial(date, field: field) - serial(infusion, field: "infusionDate")
  }

  /// Days since 1970-01-01 (proleptic Gregorian; Hinnant's days-from-civil algorithm).
  static func serial(_ text: String, field: String) throws(AssessmentInputError) -> Double {
    let bad = AssessmentInputError(
      field: field, expected: "a date yyyy-MM-dd or yyyy-MM-ddTHH:mm", found: "\"\(text)\"")
    let parts = text.split(separator: "T", maxSplits: 1)
    let fields = parts[0].split(separator: "-", omittingEmptySubsequences: false)
    let ymd = fields.compactMap { Int($0) }
    guard fields.count == 3, ymd.count == 3, (1...12).contains(ymd[1]),
      (1...daysInMonth(ymd[0], ymd[1])).contains(ymd[2])
    else { throw bad }
    var fraction = 0.0
    if parts.count == 2 {
      let hm = parts[1].prefix(5).split(separator: ":").compactMap { Int($0) }
      guard hm.count == 2, (0...23).contains(hm[0]), (0...59).contains(hm[1]) else { throw bad }
      fraction = (Double(hm[0]) + Double(hm[1]) / 60) / 24
    }
    let y = ymd[1] <= 2 ? ymd[0] - 1 : ymd[0]
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = (ymd[1] + 9) % 12
    let doy = (153 * mp + 2) / 5 + ymd[2] - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return Double(era * 146_097 + doe - 719_468) + fraction
  }

  /// Days in a month of the Gregorian calendar (so 2026-02-30 is not a date).
  static func daysInMonth(_ year: Int, _ month: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }
}
