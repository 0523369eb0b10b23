import Foundation
import Testing

/// The value and statistical modules must not link Yams: only `ProtocolFiles` reads YAML.
@Suite struct DependencyTests {
  /// Target name → the names of the targets and products it depends on, from
  /// `swift package dump-package` (its own scratch path, so it never waits for the running build).
  static func dependencies() throws -> [String: [String]] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cartrial-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "swift", "package", "--package-path", root.path, "--scratch-path", scratch.path, "dump-package",
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0)
    let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let targets = try #require(manifest["targets"] as? [[String: Any]])
    var table: [String: [String]] = [:]
    for target in targets {
      let name = try #require(target["name"] as? String)
      let entries = target["dependencies"] as? [[String: [Any]]] ?? []
      // Each entry is {"byName"|"target"|"product": [name, …]}.
      table[name] = entries.compactMap { $0.values.first?.first as? String }
    }
    return table
  }

  static func closure(of target: String, in table: [String: [String]]) -> Set<String> {
    var seen: Set<String> = []
    var pending = [target]
    while let next = pending.popLast() {
      for dependency in table[next] ?? [] where seen.insert(dependency).inserted {
        pending.append(dependency)
      }
    }
    return seen
  }

  @Test func valueAndStatisticalModulesDoNotLinkYams() throws {
    let table = try Self.dependencies()
    #expect(table["ProtocolFiles"]?.contains("Yams") == true, "the manifest was read")
    for target in ["TrialModel", "Eligibility", "Assessment", "Analysis"] {
      let closure = Self.closure(of: target, in: table)
      #expect(table[target] != nil, "\(target) is a target")
      #expect(!closure.contains("Yams"), "\(target) depends on \(closure.sorted())")
    }
    #expect(Self.closure(of: "TrialModel", in: table) == ["Inputs"])
  }
}
