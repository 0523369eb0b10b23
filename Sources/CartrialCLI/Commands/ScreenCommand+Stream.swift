import Dispatch
import Eligibility
import Foundation
import TrialModel

/// Batch screening of an NDJSON stream (`screen --patients FILE.ndjson --all --format ndjson`):
/// lines are read in chunks, each chunk is parsed, screened and encoded on every core, and the
/// results are written in input order.
enum ScreeningStream {
  /// Lines per chunk: large enough to keep both cores busy, small enough to stream.
  static let chunkSize = 2_048

  /// One input line's outcome: its NDJSON output line, or the message for a bad record.
  enum Outcome: Sendable {
    case output([UInt8])
    case failure(String)
  }

  /// Screens every line of `path`; bad lines are reported on stderr as FILE:LINE:COLUMN (in
  /// order) and counted in the result.
  static func run(_ path: String, _ trials: [CompiledCriteria], _ date: CivilDate?) throws
    -> Int
  {
    var failures = 0
    var chunk: [(number: Int, text: String)] = []
    chunk.reserveCapacity(chunkSize)
    var out: [UInt8] = []  // reused: one large buffer, not one per chunk
    func flush() {
      let outcomes = orderedParallelMap(chunk) { line in
        screen(line.text, number: line.number, path: path, trials, date)
      }
      for outcome in outcomes {
        switch outcome {
        case .output(let line): out += line
        case .failure(let message):
          failures += 1
          writeStandardOutput(&out)
          Cartrial.diagnose(Cartrial.styled(message) + "\n")
        }
      }
      writeStandardOutput(&out)
      chunk.removeAll(keepingCapacity: true)
    }
    try LineReader.forEachLine(path) { number, line in
      guard !line.allSatisfy(\.isWhitespace) else { return }
      chunk.append((number, line))
      if chunk.count == chunkSize { flush() }
    }
    flush()
    return failures
  }

  /// Writes `bytes` to the output without copying them, then empties the buffer.
  private static func writeStandardOutput(_ bytes: inout [UInt8]) {
    bytes.withUnsafeBytes { Output.write(bytes: $0) }
    bytes.removeAll(keepingCapacity: true)
  }

  /// Parses, screens and encodes one line.
  static func screen(
    _ line: String, number: Int, path: String, _ trials: [CompiledCriteria], _ date: CivilDate?
  ) -> Outcome {
    do {
      let record = try ScreeningSupport.record(Data(line.utf8), on: date, file: path, firstLine: number)
      var bytes: [UInt8] = []
      ScreeningJSON.appendLine(PatientScreening(record, against: trials, line: number), to: &bytes)
      return .output(bytes)
    } catch {
      return .failure(error.description)
    }
  }

  /// `items.map(transform)` computed on every core in contiguous slices (several per core, so
  /// that a core slowed by other work does not hold up the chunk); results in input order.
  static func orderedParallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R)
    -> [R]
  {
    let slices = min(8 * ProcessInfo.processInfo.activeProcessorCount, max(1, items.count))
    let slice = (items.count + slices - 1) / slices
    let parts = Results<R>(count: slices)
    DispatchQueue.concurrentPerform(iterations: slices) { w in
      let range = min(items.count, w * slice)..<min(items.count, (w + 1) * slice)
      parts.set(w, items[range].map(transform))
    }
    return parts.joined()
  }

  /// Per-worker result slots; each worker writes only its own slot, read after all finish.
  private final class Results<R>: @unchecked Sendable {
    private var slots: [[R]]
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ index: Int, _ value: [R]) {
      slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }
    func joined() -> [R] { slots.flatMap { $0 } }
  }
}
