import ArgumentParser
import Foundation
import Inputs
import Registry
import TrialStore

/// `cartrial registry`: the local registry of ClinicalTrials.gov records — import, search and
/// related trials.
struct RegistryCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "registry",
    abstract:
      "The local registry of ClinicalTrials.gov records: import, search, related trials, trials a patient may fit.",
    subcommands: [
      RegistryImportCommand.self, RegistrySearchCommand.self, RegistryRelatedCommand.self,
      RegistryPrescreenCommand.self, RegistryFitCommand.self,
    ])
}

/// `--db` and `--format` of the registry commands.
struct RegistryOptions: ParsableArguments {
  @Option(
    help:
      "The database: a SQLite file path or postgres://user:pass@host:port/db (default $CARTRIAL_DB, else ./cartrial.sqlite)."
  )
  var db: String?
  @OptionGroup var output: OutputOptions

  /// Opens the store and the registry on it, runs `body`, and closes the store.
  func withRegistry<T: Sendable>(_ body: @Sendable (RegistryBook) async throws -> T) async throws -> T {
    let location = db ?? ProcessInfo.processInfo.environment["CARTRIAL_DB"] ?? StoreLocation.defaultPath
    let store: any EventStore
    do { store = try await openEventStore(try StoreLocation.parse(location)) } catch {
      throw CLIError("--db \(location): \(error)")
    }
    do {
      let result = try await presentingRegistry { try await body(RegistryBook(store: store)) }
      try await store.close()
      return result
    } catch {
      try? await store.close()
      throw error
    }
  }
}

/// Shows the registry's input errors as the command line names things.
func presentingRegistry<T>(_ body: () async throws -> T) async throws -> T {
  do { return try await body() } catch let error as InputErrors {
    throw CLIError(error.errors.map { registryMessage($0) }.joined(separator: "\n"))
  } catch let error as InputError {
    throw CLIError(registryMessage(error))
  } catch let error as StoreError {
    throw CLIError("\(error)")
  }
}

func registryMessage(_ error: InputError) -> String {
  let options = [
    "status": "--status", "phase": "--phase", "age": "--age", "near": "--near", "withinKm": "--within-km",
    "page": "--page", "pageSize": "--page-size", "nctId": "NCT", "limit": "--limit", "sex": "--sex",
  ]
  var renamed = error
  renamed.field = options[error.field] ?? error.field
  return renamed.description
}

/// `cartrial registry import FILE.json…|DIR`.
struct RegistryImportCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import ClinicalTrials.gov API v2 study records (JSON files, or every .json in a directory).",
    discussion: """
      Each record is read whole or refused with the JSON path of what is wrong; a refused record leaves
      nothing behind. A record already imported with the same content is left as it is; a changed one
      is kept as its new version. Exits non-zero when any record was refused.
      """)
  @Argument(help: "Study record files (.json) or directories of them.") var paths: [String]
  @Option(help: "Who imports (default: the login user).") var by: String?
  @Option(help: "Why (kept in the registry log).") var reason: String?
  @OptionGroup var options: RegistryOptions

  func run() async throws {
    try options.output.require([.text, .json])
    let documents = try Self.documents(paths)
    let by = self.by ?? ConductOptions.loginUser
    let reason = self.reason
    let summary = try await options.withRegistry { book in
      try await book.importRecords(documents, by: by, reason: reason)
    }
    if options.output.format == .json {
      try Output.json(ImportAnswer(summary))
    } else {
      print(
        "imported \(summary.added.count) new, \(summary.updated.count) changed, \(summary.unchanged.count) unchanged, \(summary.refusals.count) refused"
          + (summary.notices > 0 ? "; \(summary.notices) notices to saved searches" : "")
      )
      for refusal in summary.refusals { print("refused: \(refusal.error)") }
    }
    if !summary.refusals.isEmpty { throw ExitCode(1) }
  }

  /// The files named, directories expanded to their `.json` files in name order.
  static func documents(_ paths: [String]) throws -> [(source: String, data: Data)] {
    var files: [String] = []
    for path in paths {
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw CLIError("\(path): expected a study record file or a directory of them, found no such file")
      }
      if isDirectory.boolValue {
        let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".json") }
          .sorted()
        files += names.map { (path as NSString).appendingPathComponent($0) }
      } else {
        files.append(path)
      }
    }
    return try files.map { file in
      guard let data = FileManager.default.contents(atPath: file) else {
        throw CLIError("\(file): expected a readable file, found none")
      }
      return (file, data)
    }
  }

  struct ImportAnswer: Encodable {
    var added: [String]
    var updated: [String]
    var unchanged: [String]
    var refused: [Refused]
    var notices: Int
    struct Refused: Encodable {
      var source: String
      var field: String
      var message: String
    }
    init(_ s: RegistryBook.ImportSummary) {
      added = s.added
      updated = s.updated
      unchanged = s.unchanged
      notices = s.notices
      refused = s.refusals.map {
        Refused(source: $0.source, field: $0.error.field, message: $0.error.description)
      }
    }
  }
}

/// `cartrial registry search [WORDS…]`.
struct RegistrySearchCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract:
      "Search the local registry: words, status, phase, the patient's age and sex, distance from a place.",
    discussion: """
      Ranked by BM25F over titles, conditions, interventions and criteria; each hit shows the fields
      that matched, with the words marked [like this].
      """)
  @Argument(help: "Words to find.") var words: [String] = []
  @Option(help: "Keep records with this overall status (RECRUITING, …); repeatable.") var status: [String] =
    []
  @Option(help: "Keep records with this phase (PHASE1, …); repeatable.") var phase: [String] = []
  @Option(help: "The patient's age in years.") var age: Double?
  @Option(help: "The patient's sex: female or male.") var sex: String?
  @Option(help: "A place, latitude,longitude in decimal degrees.") var near: String?
  @Option(name: .customLong("within-km"), help: "With --near: keep records with a site within this many km.")
  var withinKm: Double?
  @Option(help: "The page, from 1.") var page = 1
  @Option(name: .customLong("page-size"), help: "Hits per page (1–100).") var pageSize = 10
  @OptionGroup var options: RegistryOptions

  func run() async throws {
    try options.output.require([.text, .json])
    let query = try self.query()
    let results = try await options.withRegistry { book in try await book.index().search(query) }
    if options.output.format == .json { return try Output.json(results) }
    print(RegistryText.results(results, words: words.joined(separator: " ")))
  }

  /// `--near` as a place.
  static func place(_ near: String?) throws -> GeoPoint? {
    guard let near else { return nil }
    guard let p = GeoPoint(text: near) else {
      throw CLIError("--near: expected latitude,longitude in decimal degrees (48.85,2.35), found \(near)")
    }
    return p
  }

  func query() throws -> SearchQuery {
    let point = try Self.place(near)
    var patientSex: RegistryListing.Sex?
    if let sex {
      guard let s = RegistryListing.Sex(patient: sex) else {
        throw CLIError("--sex: expected female or male, found \(sex)")
      }
      patientSex = s
    }
    return SearchQuery(
      text: words.joined(separator: " "), statuses: Set(status), phases: Set(phase), ageYears: age,
      sex: patientSex,
      near: point, withinKm: withinKm, page: page, pageSize: pageSize)
  }
}

/// `cartrial registry related NCT…`.
struct RegistryRelatedCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "related",
    abstract:
      "The trials of the local registry most like one: condition, antigen, product type, phase, population.")
  @Argument(help: "The trial's NCT id.") var nctId: String
  @Option(help: "How many (1–100).") var limit = 10
  @OptionGroup var options: RegistryOptions

  func run() async throws {
    try options.output.require([.text, .json])
    let (nctId, limit) = (self.nctId, self.limit)
    let matches = try await options.withRegistry { book in
      try await book.related().related(to: nctId, limit: limit)
    }
    if options.output.format == .json { return try Output.json(matches) }
    print(RegistryText.related(matches, to: nctId))
  }
}
