import Foundation
import Testing

/// The checks written in Python against a running `cartrial serve` of the built binary: the
/// real-browser flow (`Tests/Browser/flow.py`: Chromium through Selenium, axe-core on every page)
/// the API fuzzing from the OpenAPI document (`Tests/API/fuzz.py`: schemathesis, no 5xx) and the
/// validation of the FHIR and ODM exports against their standards' schemas (`Tests/Exports/validate.py`).
///
/// Each runs when its prerequisites are installed, and always in CI (`CI=true`), where a missing
/// prerequisite fails the test instead of skipping it (`.ci/run` installs them).
@Suite(.serialized) struct PythonCheckTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

  /// Debian's interpreter (where python3-selenium is) and the browser and driver by path.
  static let browserReady =
    ["/usr/bin/python3", "/usr/bin/chromium", "/usr/bin/chromedriver"].allSatisfy {
      FileManager.default.isExecutableFile(atPath: $0)
    } && PythonScript.imports(["selenium", "axe_selenium_python"], python: "/usr/bin/python3")

  /// The interpreter with schemathesis: `CARTRIAL_PYTHON`, else `python3` on the path.
  static let fuzzPython = ProcessInfo.processInfo.environment["CARTRIAL_PYTHON"] ?? "python3"
  static let fuzzReady = PythonScript.imports(["schemathesis"], python: fuzzPython)

  @Test(.enabled(if: inCI || browserReady), .timeLimit(.minutes(6)))
  func theBrowserFlowRunsATrialFromScreeningToASignedDecision() async throws {
    let run = try await PythonScript.run(
      "/usr/bin/python3",
      [
        Self.root.appendingPathComponent("Tests/Browser/flow.py").path, "--bin", CLIRunner.executable.path,
        "--screenshots", "",
      ])
    #expect(run.status == 0, "flow.py exited \(run.status):\n\(run.output.suffix(6000))")
    #expect(run.output.contains("browser flow: 1 passed, 0 failed"), "\(run.output.suffix(2000))")
  }

  /// Debian's interpreter with lxml, and fhirclient's FHIR R4 models and odmlib's ODM 1.3.2 XSD.
  static let exportsReady =
    FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
    && PythonScript.succeeds(
      "import lxml.etree, fhirclient.models.bundle, importlib.util, sys; "
        + "sys.exit(importlib.util.find_spec('odmlib') is None)", python: "/usr/bin/python3")

  @Test(.enabled(if: inCI || exportsReady), .timeLimit(.minutes(5)))
  func theExportsAreValidAgainstTheFHIRAndODMSchemas() async throws {
    let run = try await PythonScript.run(
      "/usr/bin/python3",
      [
        Self.root.appendingPathComponent("Tests/Exports/validate.py").path, "--bin",
        CLIRunner.executable.path,
      ])
    #expect(run.status == 0, "validate.py exited \(run.status):\n\(run.output.suffix(6000))")
    #expect(run.output.contains("export validation: 0 failed"), "\(run.output.suffix(2000))")
    #expect(run.output.components(separatedBy: ": valid").count - 1 == 4, "\(run.output.suffix(2000))")
  }

  @Test(.enabled(if: inCI || fuzzReady), .timeLimit(.minutes(10)))
  func fuzzingTheAPIFromItsOpenAPIDocumentFindsNoServerError() async throws {
    let run = try await PythonScript.run(
      Self.fuzzPython,
      [
        Self.root.appendingPathComponent("Tests/API/fuzz.py").path, "--binary", CLIRunner.executable.path,
        "--max-examples", "8", "--seed", "14",
      ])
    #expect(run.status == 0, "fuzz.py exited \(run.status):\n\(run.output.suffix(6000))")
  }
}

/// Runs a Python script with its output (standard output and error together) in a file, so that
/// neither pipe can fill and stall it. The scripts run for minutes: they are awaited without
/// holding a thread of the cooperative pool (which has one per core), so the other tests go on.
enum PythonScript {
  struct Run {
    var status: Int32
    var output: String
  }

  static func run(_ python: String, _ arguments: [String]) async throws -> Run {
    let (process, log) = try prepare(python, arguments)
    defer { try? FileManager.default.removeItem(at: log) }
    let status = try await withCheckedThrowingContinuation { (done: CheckedContinuation<Int32, any Error>) in
      process.terminationHandler = { done.resume(returning: $0.terminationStatus) }
      do { try process.run() } catch {
        process.terminationHandler = nil
        done.resume(throwing: error)
      }
    }
    return Run(status: status, output: (try? String(contentsOf: log, encoding: .utf8)) ?? "")
  }

  /// The process (not started) with its output going to a fresh file.
  private static func prepare(_ python: String, _ arguments: [String]) throws -> (Process, URL) {
    let log = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cartrial-py-\(UUID().uuidString).log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    let handle = try FileHandle(forWritingTo: log)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [python] + arguments
    process.currentDirectoryURL = PythonCheckTests.root
    process.standardOutput = handle
    process.standardError = handle
    process.standardInput = FileHandle.nullDevice
    return (process, log)
  }

  /// Whether `python` imports every module of `modules` (a second's check, when tests are listed).
  static func imports(_ modules: [String], python: String) -> Bool {
    succeeds(modules.map { "import \($0)" }.joined(separator: "; "), python: python)
  }

  /// Whether `python -c code` exits 0.
  static func succeeds(_ code: String, python: String) -> Bool {
    guard let (process, log) = try? prepare(python, ["-c", code]) else { return false }
    defer { try? FileManager.default.removeItem(at: log) }
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }
}
