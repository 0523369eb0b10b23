import ArgumentParser
import Foundation
import TrialConduct
import TrialStore

/// `cartrial audit`: the log, its verification, and signed checkpoints.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Read the audit log, verify the hash chain and checkpoints, sign a checkpoint.",
    subcommands: [Log.self, Verify.self, Checkpoint.self])

  struct Log: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Every event: sequence, recorded time, actor, role, site, kind, summary, hash (text, json or csv).")
    @Argument(help: "The trial id.") var trial: String
    @OptionGroup var options: ConductOptions

    func run() async throws {
      try options.output.require([.text, .json, .csv])
      let trial = self.trial
      let rows = try await options.withLedger { ledger in try await ledger.audit(trial) }
      switch options.output.format {
      case .json: try Output.json(rows)
      case .csv: Output.csv(header: AuditEntry.columns, rows: rows.map(\.row))
      default:
        for r in rows {
          print(
            "#\(r.sequence) \(r.recordedAt) \(r.actor) (\(r.role)\(r.site.map { ", \($0)" } ?? "")) \(r.kind): \(r.summary)  \(r.hash.prefix(12))"
          )
        }
      }
    }
  }

  struct Verify: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check every hash, link and checkpoint (exit 0 when intact; otherwise the first bad event).")
    @Argument(help: "The trial id (default: every trial).") var trial: String?
    @Option(
      help: "A checkpoint kept elsewhere (the JSON `audit checkpoint --format json` printed), checked too.")
    var checkpoint: [String] = []
    @OptionGroup var options: ConductOptions

    func run() async throws {
      try options.output.require([.text, .json])
      let trial = self.trial
      var kept: [TrialStore.Checkpoint] = []
      for path in checkpoint {
        do {
          kept.append(
            try JSONDecoder().decode(TrialStore.Checkpoint.self, from: Data(try InputFile.text(path).utf8)))
        } catch {
          throw CLIError(
            "--checkpoint \(path): expected a checkpoint as `audit checkpoint --format json` prints it, found \(error is CLIError ? "\(error)" : "other JSON")"
          )
        }
      }
      let extra = kept
      let reports = try await options.withLedger { ledger in
        var out: [(String, ChainReport)] = []
        var trials: [String]
        if let trial { trials = [trial] } else { trials = try await ledger.store.trials() }
        for t in trials {
          out.append((t, try await ledger.verify(t, extra: extra.filter { $0.trial == t })))
        }
        return out
      }
      struct Answer: Encodable {
        var trial: String, intact: Bool, events: Int, checkpoints: Int, problems: [String], notes: [String]
      }
      let answers = reports.map { t, r in
        Answer(
          trial: t, intact: r.intact, events: r.eventCount, checkpoints: r.checkpointsChecked,
          problems: r.problems.map(\.description), notes: r.notes)
      }
      if options.output.format == .json {
        try Output.json(answers)
      } else {
        for a in answers {
          print(
            "\(a.trial): " + (a.intact ? "intact" : "NOT INTACT")
              + " — \(a.events) events, \(a.checkpoints) checkpoints checked")
          for p in a.problems { print("  \(p)") }
          for n in a.notes { print("  note: \(n)") }
        }
      }
      if answers.contains(where: { !$0.intact }) {
        let first = answers.first { !$0.intact }!
        throw CLIError("\(first.trial): \(first.problems.first ?? "the chain does not verify")")
      }
    }
  }

  struct Checkpoint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Sign the chain's head now and print the checkpoint, to keep somewhere else.")
    @Argument(help: "The trial id.") var trial: String
    @OptionGroup var options: ConductOptions

    func run() async throws {
      try options.output.require([.text, .json])
      let trial = self.trial
      let checkpoint = try await options.withLedger { ledger in
        _ = try await ledger.log(trial)
        return try await ledger.checkpoint(trial)
      }
      guard let checkpoint else { throw CLIError("\(trial): no signing key, so no checkpoint") }
      if options.output.format == .json { return try Output.json(checkpoint) }
      print(
        "\(checkpoint.trial) event \(checkpoint.sequence) head \(TrialLedgerHex.hex(checkpoint.headHash)) signed \(EventCoding.timestamp(checkpoint.signedAt))"
      )
      print("public key \(Data(checkpoint.publicKey).base64EncodedString())")
      print("signature \(Data(checkpoint.signature).base64EncodedString())")
    }
  }
}

enum TrialLedgerHex {
  static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
}
