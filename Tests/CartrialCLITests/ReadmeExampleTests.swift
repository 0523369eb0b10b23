import Foundation
import Testing

/// Every `$ cartrial …` command in the README's console blocks runs, exits 0 (non-zero for the broken
/// example) and prints what the README shows: every line shown is printed, in the order shown
/// (the README shows excerpts). In the README's text, `…` stands for any text within a line, and a
/// line that is only `…` marks lines left out.
@Suite struct ReadmeExampleTests {
  struct Example: CustomStringConvertible {
    var line: Int
    var command: String
    var expected: [String]
    var description: String { "README.md:\(line): \(command)" }
  }

  static let readme: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")

  /// The examples of every ```console block.
  static func examples() throws -> [Example] {
    let lines = try String(contentsOf: readme, encoding: .utf8).components(separatedBy: "\n")
    var examples: [Example] = []
    var inConsole = false
    for (index, line) in lines.enumerated() {
      if line.hasPrefix("```") {
        inConsole = line == "```console"
        continue
      }
      guard inConsole else { continue }
      if line.hasPrefix("$ cartrial ") {
        examples.append(Example(line: index + 1, command: String(line.dropFirst(2)), expected: []))
      } else if !examples.isEmpty, !line.isEmpty || !(examples[examples.count - 1].expected.isEmpty) {
        examples[examples.count - 1].expected.append(line)
      }
    }
    for i in examples.indices {
      while examples[i].expected.last?.isEmpty == true { examples[i].expected.removeLast() }
    }
    return examples
  }

  /// The arguments of a README command: comments after `#` dropped, quotes removed, `--out` into a
  /// temporary directory.
  static func arguments(_ command: String) -> [String] {
    var text = command
    if let comment = text.range(of: "  #") { text = String(text[..<comment.lowerBound]) }
    var arguments: [String] = []
    var current = ""
    var quote: Character?
    var started = false
    for ch in text {
      if let q = quote {
        if ch == q { quote = nil } else { current.append(ch) }
      } else if ch == "'" || ch == "\"" {
        quote = ch
        started = true
      } else if ch == " " {
        if started || !current.isEmpty { arguments.append(current) }
        current = ""
        started = false
      } else {
        current.append(ch)
      }
    }
    if started || !current.isEmpty { arguments.append(current) }
    arguments.removeFirst()  // "cartrial"
    if let out = arguments.firstIndex(of: "--out"), out + 1 < arguments.count {
      arguments[out + 1] =
        FileManager.default.temporaryDirectory
        .appendingPathComponent("cartrial-readme-\(UUID().uuidString).html").path
    }
    return arguments
  }

  /// Whether `actual` matches `expected` with the README's `…` wildcards.
  static func matches(_ actual: [String], _ expected: [String]) -> Bool {
    func line(_ a: String, _ e: String) -> Bool {
      let parts = e.components(separatedBy: "…")
      guard parts.count > 1 else { return a == e }
      guard a.hasPrefix(parts[0]), a.hasSuffix(parts[parts.count - 1]) else { return false }
      var rest = Substring(a.dropFirst(parts[0].count))
      for part in parts.dropFirst().dropLast() {
        guard let r = rest.range(of: part) else { return false }
        rest = rest[r.upperBound...]
      }
      return rest.count >= parts[parts.count - 1].count
    }
    func trimmed(_ s: String) -> String {
      var t = s
      while t.last == " " { t.removeLast() }
      return t
    }
    var i = 0
    for e in expected.map(trimmed) where e != "…" {
      guard let found = actual[i...].firstIndex(where: { line(trimmed($0), e) }) else { return false }
      i = found + 1
    }
    return true
  }

  @Test func readmeHasExamples() throws {
    #expect(try Self.examples().count >= 20)
  }

  /// Whether an example works on a database (`--db`): those run one after another, in README order.
  static func usesDatabase(_ example: Example) -> Bool { example.command.contains(" --db ") }

  @Test(arguments: try ReadmeExampleTests.examples().filter { !usesDatabase($0) })
  func exampleOutputIsTrue(_ example: Example) throws {
    try check(example, Self.arguments(example.command))
  }

  /// The conduct tour: every example with `--db` in README order, on databases in a fresh
  /// temporary folder (the same name, the same file) with a signing key of its own.
  @Test func databaseExamplesRunInOrder() throws {
    let examples = try Self.examples().filter(Self.usesDatabase)
    #expect(examples.count >= 5)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "cartrial-readme-db-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for example in examples {
      var arguments = Self.arguments(example.command)
      if let db = arguments.firstIndex(of: "--db"), db + 1 < arguments.count {
        arguments[db + 1] = folder.appendingPathComponent(arguments[db + 1]).path
      }
      // The registry commands sign nothing: no key.
      if !(arguments.first == "registry" || arguments.prefix(2) == ["protocol", "draft"]) {
        arguments += ["--key", folder.appendingPathComponent("signing.key").path]
      }
      try check(example, arguments, hiding: folder.path + "/")
    }
  }

  /// Runs one example and compares what it prints (without the text `hiding`, e.g. a temporary
  /// folder) with the README.
  func check(_ example: Example, _ arguments: [String], hiding: String? = nil) throws {
    let result = try CLIRunner.run(arguments)
    let failsOnPurpose = example.command.contains("broken")
    #expect((result.status != 0) == failsOnPurpose, "\(example): exit \(result.status)\n\(result.stderr)")
    guard !example.expected.isEmpty else { return }
    var output = result.stdout + result.stderr
    if let out = arguments.firstIndex(of: "--out") {
      output = output.replacingOccurrences(of: arguments[out + 1], with: "report.html")
    }
    if let hiding { output = output.replacingOccurrences(of: hiding, with: "") }
    var printed = output.components(separatedBy: "\n")
    while printed.last?.isEmpty == true { printed.removeLast() }
    #expect(
      Self.matches(printed, example.expected),
      "\(example)\n--- README\n\(example.expected.joined(separator: "\n"))\n--- printed\n\(printed.joined(separator: "\n"))"
    )
  }

  @Test func wildcardsMatchAsDocumented() {
    #expect(Self.matches(["a", "b", "c"], ["a", "…"]))
    #expect(Self.matches(["a", "b", "c"], ["a", "…", "c"]))
    #expect(Self.matches(["a", "b", "c"], ["a", "c"]))
    #expect(!Self.matches(["a", "b", "c"], ["c", "a"]))
    #expect(!Self.matches(["a", "b"], ["a", "d"]))
    #expect(Self.matches(["[x: long text]"], ["[x: …]"]))
    #expect(!Self.matches(["[y: long text]"], ["[x: …]"]))
    #expect(
      Self.arguments("cartrial oc --truth 'A=1;B=2' --exact   # note") == [
        "oc", "--truth", "A=1;B=2", "--exact",
      ])
  }
}
