import ArgumentParser
import Eligibility
import Foundation
import TrialModel

/// `cartrial protocol criteria ID`: a protocol's criteria with their computable form.
struct ProtocolCriteriaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "criteria",
    abstract: "List a protocol's eligibility criteria, which are computable, and how many.")

  @Argument(help: "A bundled protocol id or a protocol file path.") var id: String
  @OptionGroup var output: OutputOptions

  struct Row: Encodable {
    var id: String
    var kind: String
    var text: String
    var expression: String?
    var computable: Bool
    var attestation: Bool
    var note: String?
  }

  struct Listing: Encodable {
    var protocolID: String
    var computable: Int
    var total: Int
    var criteria: [Row]

    enum CodingKeys: String, CodingKey {
      case protocolID = "protocol"
      case computable, total, criteria
    }
  }

  func run() throws {
    try output.require([.text, .json, .csv])
    let compiled = try ScreeningSupport.compile(try ProtocolOptions.resolve(id))
    let rows = compiled.criteria.map {
      Row(
        id: $0.id, kind: $0.kind.rawValue, text: $0.text, expression: $0.expression,
        computable: $0.isComputable, attestation: $0.needsAttestation, note: $0.note)
    }
    let count = compiled.computableCount
    switch output.format {
    case .json:
      try Output.json(
        Listing(
          protocolID: compiled.protocolID, computable: count.computable, total: count.total, criteria: rows))
    case .csv:
      Output.csv(
        header: ["id", "kind", "computable", "attestation", "expression", "text", "note"],
        rows: rows.map {
          [
            $0.id, $0.kind, "\($0.computable)", "\($0.attestation)", $0.expression ?? "", $0.text,
            $0.note ?? "",
          ]
        })
    default:
      for row in rows {
        let form = row.expression ?? "(investigator attestation)"
        print("\(row.id.padding(toLength: 5, withPad: " ", startingAt: 0)) \(form)")
        if let note = row.note { print("      note: \(note)") }
      }
      print("\(count.computable) of \(count.total) criteria computable")
    }
  }
}
