import Foundation
import Testing

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// A `cartrial serve` process on 127.0.0.1 and a free port, its address read from what it prints.
final class ServeProcess: @unchecked Sendable {
  let process = Process()
  let output = Pipe()
  private(set) var lines: [String] = []
  private(set) var address = ""

  /// Starts `cartrial serve` with `arguments` (after `--host 127.0.0.1 --port 0`) and waits, at
  /// most 60 s, for the address it prints.
  init(_ arguments: [String], environment: [String: String] = [:]) throws {
    process.executableURL = CLIRunner.executable
    process.arguments = ["serve", "--host", "127.0.0.1", "--port", "0"] + arguments
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "CARTRIAL_ADMIN_PASSWORD")
    for (k, v) in environment { env[k] = v }
    process.environment = env
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(60)
    var pending = Data()
    while address.isEmpty, Date() < deadline, process.isRunning {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { usleep(20_000); continue }
      pending.append(chunk)
      while let newline = pending.firstIndex(of: 10) {
        let line = String(decoding: pending[..<newline], as: UTF8.self)
        pending.removeSubrange(...newline)
        lines.append(line)
        if let range = line.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression) {
          address = String(line[range])
        }
      }
    }
    if address.isEmpty {
      process.terminate()
      throw Failure(description: "cartrial serve printed no address: \(lines)")
    }
  }

  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// Stops the server with SIGTERM and waits (at most 20 s) for it to exit; answers its status.
  func stop() -> Int32 {
    guard process.isRunning else { return process.terminationStatus }
    kill(process.processIdentifier, SIGTERM)
    let deadline = Date().addingTimeInterval(20)
    while process.isRunning, Date() < deadline { usleep(20_000) }
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      return -1
    }
    return process.terminationStatus
  }

  deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

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
