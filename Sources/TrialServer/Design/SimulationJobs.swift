import Foundation
import Inputs
import Trials

/// The simulations of this server process: a bounded number running at once off the event loop
/// (on a dispatch queue: the engine blocks its thread), a small queue behind them, each job seen
/// only by the user who started it, and ended jobs forgotten after a while.
///
/// Cancelling a queued job removes it from the queue. The simulation engine cannot be stopped
/// once it runs, so cancelling a running job marks it cancelled at once and its result is
/// discarded when the engine finishes; until then it keeps its worker slot.
actor SimulationJobs {
  /// How much the board takes.
  struct Limits: Sendable {
    /// Jobs running at once.
    var running = 1
    /// Jobs waiting behind them.
    var queued = 4
    /// Jobs queued or running per user.
    var perUser = 2
    /// Seconds an ended job is kept.
    var keepSeconds: Double = 3600
    /// The most trials one job may simulate.
    var maxTrials = 1_000_000
  }

  let limits: Limits
  private let clock: @Sendable () -> Date
  /// Runs a job's work off the event loop (tests hold it to look at queued and running jobs).
  private let runner: @Sendable (@escaping @Sendable () -> Void) -> Void
  private var jobs: [String: SimulationJob] = [:]
  private var waiting: [String] = []
  private var busy = 0

  init(
    limits: Limits = Limits(), clock: @escaping @Sendable () -> Date = { Date() },
    runner: @escaping @Sendable (@escaping @Sendable () -> Void) -> Void = { work in
      DispatchQueue.global(qos: .utility).async(execute: work)
    }
  ) {
    self.limits = limits
    self.clock = clock
    self.runner = runner
  }

  /// Queues a job for `owner`, started at once when a worker is free; refused with 503 when the
  /// queue is full and 429 when the user already has ``Limits/perUser`` jobs waiting or running.
  func submit(
    owner: String, label: String, origin: String? = nil, trials: Int, work: @escaping SimulationJob.Work
  ) throws(Problem) -> SimulationJob {
    forgetOld()
    let active = jobs.values.filter { $0.owner == owner && !$0.status.hasEnded }.count
    guard active < limits.perUser else {
      throw Problem(
        .tooManyRequests, title: "Too many simulations",
        detail: "you have \(active) simulations waiting or running (at most \(limits.perUser)); "
          + "wait for one to end or cancel it")
    }
    guard busy < limits.running || waiting.count < limits.queued else {
      throw Problem(
        .serviceUnavailable, title: "Simulation queue full",
        detail: "\(busy) simulations running and \(waiting.count) waiting; try again later")
    }
    let job = SimulationJob(
      id: UUID().uuidString.lowercased(), owner: owner, label: label, origin: origin, totalTrials: trials,
      createdAt: clock(), work: work)
    jobs[job.id] = job
    waiting.append(job.id)
    startWaiting()
    return jobs[job.id]!
  }

  /// The job `id` of `owner`; another user's job, or one forgotten, is not found.
  func job(_ id: String, owner: String) throws(InputError) -> SimulationJob {
    forgetOld()
    guard let job = jobs[id], job.owner == owner else {
      throw InputError(.notFound, field: "job", expected: "a simulation job of yours", found: id)
    }
    return job
  }

  /// Cancels the job `id` of `owner` (an ended job stays as it ended).
  func cancel(_ id: String, owner: String) throws(InputError) -> SimulationJob {
    var job = try job(id, owner: owner)
    guard !job.status.hasEnded else { return job }
    if job.status == .queued { waiting.removeAll { $0 == id } }
    job.status = .cancelled
    job.endedAt = clock()
    jobs[id] = job
    return job
  }

  private func startWaiting() {
    while busy < limits.running, !waiting.isEmpty {
      let id = waiting.removeFirst()
      guard var job = jobs[id] else { continue }
      job.status = .running
      jobs[id] = job
      busy += 1
      let work = job.work
      let progress = job.progress
      runner { [weak self] in
        let outcome = Result { try work { progress.report($0) } }
        Task { await self?.ended(id, outcome) }
      }
    }
  }

  private func ended(_ id: String, _ outcome: Result<OperatingCharacteristicsAnswer, any Error>) {
    busy -= 1
    defer { startWaiting() }
    guard var job = jobs[id], job.status == .running else { return }
    switch outcome {
    case .success(let answer):
      job.status = .finished
      job.result = answer
    case .failure(let error):
      job.status = .failed
      job.problem = Problem.from(error)
    }
    job.endedAt = clock()
    jobs[id] = job
  }

  private func forgetOld() {
    let now = clock()
    jobs = jobs.filter { _, job in
      guard let ended = job.endedAt else { return true }
      return now.timeIntervalSince(ended) < limits.keepSeconds
    }
  }
}
