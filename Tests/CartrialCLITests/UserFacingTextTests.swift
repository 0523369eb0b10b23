import Foundation
import TestSupport
import Testing

/// Text a user of the repository reads (README, sources with their printed strings, bundled
/// protocols, examples) cites published sources and links only to files inside the repository:
/// the development specs (`clinical.md`, `../shared/`) are not part of it.
@Suite struct UserFacingTextTests {
  static let root = FixtureDirectory.repository.url

  /// Every file below `folder` whose name ends in one of `extensions`.
  static func files(in folder: String, extensions: Set<String>) -> [URL] {
    let base = root.appendingPathComponent(folder)
    guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil) else {
      return []
    }
    return walker.compactMap { $0 as? URL }.filter { extensions.contains($0.pathExtension) }
  }

  @Test func noUserFacingFileCitesTheInternalSpecs() throws {
    let files =
      [Self.root.appendingPathComponent("README.md")]
      + Self.files(in: "Sources", extensions: ["swift", "yaml"])
      + Self.files(in: "Examples", extensions: ["json", "ndjson", "yaml", "csv", "md"])
    #expect(files.count > 100)
    let markers = ["clinical.md", "specs/", "shared/"]
    var offenders: [String] = []
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      for marker in markers where text.contains(marker) {
        offenders.append("\(file.path.dropFirst(Self.root.path.count)): \(marker)")
      }
    }
    #expect(offenders == [])
  }

  @Test func readmeLinksOnlyToFilesInTheRepository() throws {
    let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    let links = readme.matches(of: /\]\(([^)\s]+)\)/).map { String($0.output.1) }
    #expect(links.count >= 5)
    for link in links where !link.hasPrefix("#") {
      #expect(!link.contains("://") && !link.hasPrefix("/") && !link.contains(".."), "\(link)")
      let path = String(link.split(separator: "#", maxSplits: 1)[0])
      #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(path).path), "\(link)")
    }
  }

  /// The README's grading, DLT and response examples show lines the commands print (a line ending
  /// in `…]` is shown shortened; a `…` line ends the excerpt).
  @Test(arguments: [
    "grade icans --input Examples/observations/icans.json",
    "dlt --protocol NCT05350787 --subject Examples/subjects/S-03.json",
    "response --protocol NCT05350787 --subject Examples/subjects/cohort.json",
  ])
  func readmeAssumptionExamplesAreTrue(_ command: String) throws {
    let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    let lines = readme.components(separatedBy: "\n")
    let start = try #require(lines.firstIndex { $0 == "$ cartrial \(command)" })
    let shown = lines[(start + 1)...].prefix { !$0.hasPrefix("```") && !$0.hasPrefix("$ ") && $0 != "…" }
    #expect(shown.contains { $0.hasPrefix("[assumption: ") })
    let arguments = command.split(separator: " ").map { part in
      part.hasPrefix("Examples/") ? Self.root.appendingPathComponent(String(part)).path : String(part)
    }
    let result = try CLIRunner.run(arguments)
    #expect(result.status == 0)
    let printed = result.stdout.components(separatedBy: "\n")
    for line in shown {
      let found =
        line.hasSuffix("…]")
        ? printed.contains { $0.hasPrefix(line.dropLast(2)) } : printed.contains(line)
      #expect(found, "README line not printed: \(line)")
    }
  }
}
