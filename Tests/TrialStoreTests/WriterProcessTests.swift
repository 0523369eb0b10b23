import Foundation
import Testing

@testable import TrialStore

/// Writer processes on one SQLite file: killed mid-run, and racing each other.
@Suite("Writer processes")
struct WriterProcessTests {
  /// The built `cartrial-bench` (a sibling of the test bundle, as `cartrial` is for the CLI tests).
  static var bench: URL {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("cartrial-bench").path),
      dir.path != "/"
    {
      dir.deleteLastPathComponent()
    }
    return dir.appendingPathComponent("cartrial-bench")
  }

  /// A running `append-writer` whose acknowledgements are collected line by line.
  final class Writer: @unchecked Sendable {
    let process = Process()
    private let output = Pipe()
    private let lock = NSLock()
    private var buffer = Data()
    private var lines: [String] = []

    init(db: String, trial: String, count: Int) throws {
      process.executableURL = WriterProcessTests.bench
      process.arguments = ["append-writer", "--db", db, "--trial", trial, "--count", String(count)]
      process.standardOutput = output
      process.standardError = FileHandle.nullDevice
      output.fileHandleForReading.readabilityHandler = { [weak self] handle in
        self?.take(handle.availableData)
      }
      try process.run()
    }

    private func take(_ data: Data) {
      lock.lock()
      defer { lock.unlock() }
      buffer.append(data)
      while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        lines.append(String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self))
        buffer.removeSubrange(buffer.startIndex...newline)
      }
    }

    /// The acknowledged sequences so far (only complete lines count).
    var acked: [Int] {
      lock.lock()
      defer { lock.unlock() }
      return lines.compactMap { $0.hasPrefix("acked ") ? Int($0.dropFirst(6)) : nil }
    }

    /// Waits for the process to end and drains what it printed.
    func finish() -> [Int] {
      process.waitUntilExit()
      output.fileHandleForReading.readabilityHandler = nil
      take(output.fileHandleForReading.readDataToEndOfFile())
      return acked
    }
  }

  @Test("a writer killed with SIGKILL during 10⁴ appends loses no acknowledged event; the chain verifies")
  func killedWriter() async throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: Self.bench.path),
      "cartrial-bench is not built next to the tests (swift build --product cartrial-bench)")
    let db = try temporaryDirectory().appendingPathComponent("killed.sqlite").path
    let writer = try Writer(db: db, trial: "K", count: 10_000)
    let deadline = Date().addingTimeInterval(60)
    // Poll on this thread (not by suspending): when other tests hold the runner's few threads, a
    // suspended poll may resume only after the writer has finished all its appends.
    while writer.acked.count < 300 && Date() < deadline && writer.process.isRunning {
      usleep(2000)
    }
    kill(writer.process.processIdentifier, SIGKILL)
    let acked = writer.finish()
    #expect(writer.process.terminationReason == .uncaughtSignal)
    #expect(acked.count >= 300)
    #expect(acked.count < 10_000, "the writer finished before it was killed")
    #expect(acked == Array(1...acked.count))

    let store = try await openEventStore(.sqlite(path: db))
    let events = try await store.events(trial: "K")
    // Every acknowledged append is there (one more may have committed before its ack was printed).
    #expect(events.count >= acked.count)
    #expect(events.count <= acked.count + 1)
    let report = ChainVerifier.verify(events: events, checkpoints: [], trustedKey: nil)
    #expect(report.intact, "\(report.problems)")
    // The file still takes appends.
    _ = try await store.append(trial: "K", sequence: events.count + 1, kind: "after", bytes: [1])
    try await store.close()
  }

  @Test("two writer processes racing on one file lose nothing and duplicate nothing")
  func racingProcesses() async throws {
    try #require(
      FileManager.default.isExecutableFile(atPath: Self.bench.path),
      "cartrial-bench is not built next to the tests (swift build --product cartrial-bench)")
    let db = try temporaryDirectory().appendingPathComponent("race.sqlite").path
    let count = 400
    let writers = try [Writer(db: db, trial: "R", count: count), Writer(db: db, trial: "R", count: count)]
    let acked = writers.map { $0.finish() }
    for writer in writers { #expect(writer.process.terminationStatus == 0) }
    #expect(acked.map(\.count) == [count, count])
    #expect(Set(acked[0]).isDisjoint(with: acked[1]))
    #expect(Set(acked[0] + acked[1]) == Set(1...(2 * count)))

    let store = try await openEventStore(.sqlite(path: db))
    let events = try await store.events(trial: "R")
    #expect(events.map(\.sequence) == Array(1...(2 * count)))
    // Each writer's payloads are all there, once.
    let payloads = events.map { String(decoding: $0.bytes, as: UTF8.self) }
    #expect(Set(payloads).count == 2 * count)
    #expect(ChainVerifier.verify(events: events, checkpoints: [], trustedKey: nil).intact)
    try await store.close()
  }
}
