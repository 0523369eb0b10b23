import Foundation
import Logging
import ServiceLifecycle
import TrialStore

/// Erases expired personal records (contact requests, what visitors keep) on a schedule, so that
/// a retention period ends on time on a quiet server too, not only when someone reads them
/// (GDPR art. 5(1)(e), storage limitation). Runs with the server; stops with it.
struct PersonalRecordPurge: Service {
  let store: any PersonalRecordStore
  let clock: @Sendable () -> Date
  /// Between two purges (default one hour).
  var interval: Duration = .seconds(3600)
  let logger: Logger

  func run() async throws {
    await cancelWhenGracefulShutdown {
      while !Task.isCancelled {
        do {
          let erased = try await store.deleteExpiredPersonalRecords(at: clock())
          if erased > 0 { logger.info("erased \(erased) expired personal records") }
        } catch {
          logger.error("erasing expired personal records failed: \(error)")
        }
        do { try await Task.sleep(for: interval) } catch { return }
      }
    }
  }
}
