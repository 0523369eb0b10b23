import CartrialCLI
import Foundation

/// One command line run in process through ``Cartrial/execute(_:errors:)``, exactly as the binary
/// runs it, with its output, its error text and its exit status.
struct CLIRun {
  var status: Int32
  var stdout: String
  var stderr: String

  init(_ arguments: [String]) {
    let errors = ErrorText()
    var status: Int32 = 0
    stdout = Output.capturing { status = Cartrial.execute(arguments, errors: { errors.append($0) }) }
    self.status = status
    stderr = errors.text
  }

  /// The error lines that are not the usage or help the parser adds after them.
  var errorLines: [String] {
    stderr.split(separator: "\n").map(String.init).filter {
      !$0.hasPrefix("Usage: ") && !$0.hasPrefix("  See '") && !$0.hasPrefix("Help: ")
        && !$0.hasPrefix("        ")
    }
  }

  /// Type names and internals of Swift or Foundation that must never reach a user.
  static let internals = [
    "NSCocoaErrorDomain", "Swift.", "Foundation.", "Optional(", "Dictionary<", "Array<", "DecodingError",
    "CodingKeys", "nil", "Error Domain", "localizedDescription", "Fatal error",
  ]
}

/// Error text collected from any thread.
private final class ErrorText: @unchecked Sendable {
  private let lock = NSLock()
  private var collected = ""
  var text: String { lock.withLock { collected } }
  func append(_ text: String) { lock.withLock { collected += text } }
}
