import Foundation
import Inputs

/// A calendar date (proleptic Gregorian, no time zone), stored as a day number so that date
/// arithmetic (eligibility windows, study days, time-to-event) is integer arithmetic and
/// allocates nothing. The one date type of cartrial: patient records, subject courses and
/// assessment dates all use it.
///
/// Day numbers count from 1970-01-01; the conversions are Howard Hinnant's `days_from_civil` and
/// `civil_from_days` algorithms (public-domain date algorithms, 2013).
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// Days since 1970-01-01.
  public var dayNumber: Int

  public init(dayNumber: Int) { self.dayNumber = dayNumber }

  /// The date in UTC of the moment `date`.
  public init(utcDayOf date: Date) {
    dayNumber = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
  }

  /// The date `year-month-day`; `nil` unless the day exists in that month.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else {
      return nil
    }
    dayNumber = CalendarDate.days(year: year, month: month, day: day)
  }

  /// Parses `YYYY-MM-DD`; `nil` for anything else (including impossible days such as 02-30).
  public init?(iso text: String) {
    var utf8 = text.utf8.makeIterator()
    func digits(_ count: Int) -> Int? {
      var value = 0
      for _ in 0..<count {
        guard let b = utf8.next(), (48...57).contains(b) else { return nil }
        value = value * 10 + Int(b - 48)
      }
      return value
    }
    guard let y = digits(4), utf8.next() == 45, let m = digits(2), utf8.next() == 45, let d = digits(2),
      utf8.next() == nil
    else { return nil }
    self.init(year: y, month: m, day: d)
  }

  public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }

  /// Year, month (1–12) and day (1–31).
  public var components: (year: Int, month: Int, day: Int) {
    let z = dayNumber + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let day = doy - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  /// Whole days from `other` to `self` (positive when `self` is later).
  public func days(since other: CalendarDate) -> Int { dayNumber - other.dayNumber }

  /// This date moved by `days` days.
  public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

  /// This date moved by calendar months; a day that does not exist in the target month becomes
  /// that month's last day (31 Jan + 1 month = 28/29 Feb), the usual clinical convention.
  public func adding(months: Int) -> CalendarDate {
    let (y, m, d) = components
    let total = y * 12 + (m - 1) + months
    let year = total >= 0 ? total / 12 : (total - 11) / 12
    let month = total - year * 12 + 1
    let day = min(d, CalendarDate.daysIn(month: month, year: year))
    return CalendarDate(dayNumber: CalendarDate.days(year: year, month: month, day: day))
  }

  /// This date moved by calendar years (29 Feb + 1 year = 28 Feb).
  public func adding(years: Int) -> CalendarDate { adding(months: 12 * years) }

  /// `YYYY-MM-DD`.
  public var description: String {
    let (y, m, d) = components
    func pad(_ n: Int, _ width: Int) -> String {
      let s = String(n)
      return String(repeating: "0", count: max(0, width - s.count)) + s
    }
    return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
  }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let date = CalendarDate(iso: text) else {
      throw InputError(field: "", expected: "a date YYYY-MM-DD", found: "'\(text)'")
        .decodingError(at: decoder.codingPath)
    }
    self = date
  }

  public func encode(to encoder: any Encoder) throws {
    var c = encoder.singleValueContainer()
    try c.encode(description)
  }

  /// Whether `year` is a Gregorian leap year.
  public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

  /// Days in `month` of `year` (so 2026-02-30 is not a date).
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Day number of `year-month-day` (days since 1970-01-01; the day need not be validated).
  public static func days(year: Int, month: Int, day: Int) -> Int {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let mp = month > 2 ? month - 3 : month + 9
    let doy = (153 * mp + 2) / 5 + day - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }
}
