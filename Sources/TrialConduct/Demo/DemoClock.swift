import Foundation
import TrialModel

/// The simulated clock: `recordedAt` is the clinical day at 08:00 UTC plus 20 s per command.
enum DemoClock {
  static func time(_ day: CalendarDate, tick: Int) -> Date {
    Date(timeIntervalSince1970: Double(day.dayNumber * 86_400 + 8 * 3600 + tick * 20))
  }
}
