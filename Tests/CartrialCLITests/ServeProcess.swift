import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A `cartrial serve` process on 127.0.0.1 and a free port, its address read from what it prints.
///
/// Waiting never blocks a thread of Swift's cooperative pool: a test that did (with two cores,
/// two such threads) stalled every other test in the process, and with them a PostgreSQL
/// migration this server was waiting for.
final class ServeProcess: @unchecked Sendable {
  let process = Process()
  private let output = Pipe()
  private let errors: URL
  private let lock = NSLock()
  private var pending = Data()
  private var printed: [String] = []
  private(set) var address = ""

  /// The lines printed on standard output so far.
  var lines: [String] { lock.withLock { printed } }

  private init(_ arguments: [String], environment: [String: String]) throws {
    errors = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cartrial-serve-\(UUID().uuidString).stderr")
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    process.executableURL = CLIRunner.executable
    process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0"] + arguments
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "CARTRIAL_ADMIN_PASSWORD")
    for (k, v) in environment { env[k] = v }
    process.environment = env
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: errors)
    output.fileHandleForReading.readabilityHandler = { [weak self] handle in
      self?.take(handle.availableData)
    }
    try process.run()
  }

  private func take(_ chunk: Data) {
    lock.withLock {
      pending.append(chunk)
      while let newline = pending.firstIndex(of: 10) {
        printed.append(String(decoding: pending[..<newline], as: UTF8.self))
        pending.removeSubrange(...newline)
      }
    }
  }

  /// Starts `cartrial serve` with `arguments` (after `--host 127.0.0.1 --port 0`) and waits, at
  /// most `timeout`, for the address it prints; on failure the error carries what it printed on
  /// both outputs.
  static func start(
    _ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(120)
  ) async throws -> ServeProcess {
    let server = try ServeProcess(arguments, environment: environment)
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      if let line = server.lines.first(where: { $0.contains("http://127.0.0.1:") }),
        let range = line.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression)
      {
        server.address = String(line[range])
        return server
      }
      if !server.process.isRunning { break }
      try await Task.sleep(for: .milliseconds(20))
    }
    let running = server.process.isRunning
    server.kill()
    let stderr = (try? String(contentsOf: server.errors, encoding: .utf8)) ?? ""
    throw Failure(
      description:
        "cartrial serve printed no address \(running ? "within \(timeout)" : "before it exited"): "
        + "stdout \(server.lines), stderr \(stderr.suffix(4000))")
  }

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// Stops the server with SIGTERM and waits (at most 20 s) for it to exit; answers its status
  /// (-1 when it had to be killed).
  func stop() async -> Int32 {
    if process.isRunning {
      Foundation.kill(process.processIdentifier, SIGTERM)
      let deadline = ContinuousClock.now + .seconds(20)
      while process.isRunning, ContinuousClock.now < deadline {
        try? await Task.sleep(for: .milliseconds(20))
      }
      if process.isRunning {
        kill()
        return -1
      }
    }
    output.fileHandleForReading.readabilityHandler = nil
    return process.terminationStatus
  }

  /// Kills the server at once (SIGKILL).
  func kill() {
    output.fileHandleForReading.readabilityHandler = nil
    if process.isRunning { Foundation.kill(process.processIdentifier, SIGKILL) }
  }

  deinit {
    kill()
    try? FileManager.default.removeItem(at: errors)
  }

  /// One HTTP request to the server: the status and the body.
  func request(_ method: String, _ path: String, json: String? = nil, token: String? = nil) async throws -> (
    Int, String
  ) {
    var request = URLRequest(url: URL(string: address + path)!)
    request.httpMethod = method
    if let json {
      request.httpBody = Data(json.utf8)
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
    let (data, response) = try await URLSession.shared.data(for: request)
    return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
  }
}
