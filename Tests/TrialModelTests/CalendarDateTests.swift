import Testing

@testable import TrialModel

@Suite struct CalendarDateTests {
  @Test func dayNumbersCountFromTheUnixEpoch() {
    #expect(CalendarDate(iso: "1970-01-01")?.dayNumber == 0)
    #expect(CalendarDate(iso: "2000-03-01")?.dayNumber == 11_017)
    #expect(CalendarDate(iso: "1969-12-31")?.dayNumber == -1)
  }

  @Test func leapYearsFollowTheGregorianRule() {
    #expect(CalendarDate(iso: "2000-02-29") != nil)
    #expect(CalendarDate(iso: "1900-02-29") == nil)
    #expect(CalendarDate(iso: "2024-02-29") != nil)
    #expect(CalendarDate(iso: "2026-02-30") == nil)
    #expect(CalendarDate(iso: "2026-13-01") == nil)
    #expect(CalendarDate(iso: "2026-1-01") == nil)
  }

  @Test func roundTripsThroughItsDescription() {
    for iso in ["0001-01-01", "1899-12-31", "1970-01-01", "2024-02-29", "2026-11-22", "9999-12-31"] {
      #expect(CalendarDate(iso: iso)?.description == iso)
    }
    // Every day over four centuries round-trips.
    let start = CalendarDate(iso: "1800-01-01")!
    for offset in stride(from: 0, to: 146_097, by: 1) {
      let date = start.adding(days: offset)
      #expect(CalendarDate(iso: date.description) == date)
    }
  }

  @Test func calendarMonthsClampToTheLastDay() {
    let jan31 = CalendarDate(iso: "2024-01-31")!
    #expect(jan31.adding(months: 1).description == "2024-02-29")
    #expect(jan31.adding(months: -2).description == "2023-11-30")
    #expect(CalendarDate(iso: "2024-02-29")!.adding(years: 1).description == "2025-02-28")
    #expect(CalendarDate(iso: "2026-03-01")!.days(since: CalendarDate(iso: "2026-02-01")!) == 28)
  }
}
