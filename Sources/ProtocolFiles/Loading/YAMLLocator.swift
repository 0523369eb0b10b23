import Inputs
import TrialModel
import Yams

/// Finds source locations in a composed YAML document by field path.
struct YAMLLocator {
  let root: Node
  let file: String

  /// One step of a field path: a mapping key or a sequence index.
  enum Step: CustomStringConvertible {
    case key(String)
    case index(Int)

    var description: String {
      switch self {
      case .key(let k): k
      case .index(let i): "[\(i)]"
      }
    }
  }

  /// `groups[1].doseLevels[0].dose` from steps.
  static func render(_ steps: [Step]) -> String {
    var out = ""
    for step in steps {
      switch step {
      case .key(let k): out += out.isEmpty ? k : ".\(k)"
      case .index: out += step.description
      }
    }
    return out
  }

  /// Steps from a `Codable` coding path.
  static func steps(_ path: [any CodingKey]) -> [Step] {
    path.map { key in key.intValue.map(Step.index) ?? .key(key.stringValue) }
  }

  /// The node at `steps`, or the deepest existing ancestor (so a missing key points at its parent).
  func node(at steps: [Step]) -> Node {
    var node = root
    for step in steps {
      switch (step, node) {
      case (.key(let k), .mapping(let mapping)):
        guard let child = mapping[k] else { return node }
        node = child
      case (.index(let i), .sequence(let sequence)) where i < sequence.count:
        node = sequence[i]
      default:
        return node
      }
    }
    return node
  }

  /// The location of the node at `steps` (for a key: its value).
  func location(of steps: [Step]) -> SourceLocation? {
    node(at: steps).mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
  }

  /// The location of a mapping key itself (for "unknown key" errors).
  func keyLocation(in mapping: Node.Mapping, key: String) -> SourceLocation? {
    for (k, _) in mapping where k.string == key {
      return k.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
    }
    return nil
  }

  /// Keys present in `input` but absent from `known` (the same document re-encoded from the decoded
  /// value): a key the model does not read, reported at the key with the keys in use there.
  /// Null-valued keys are skipped.
  func unknownKeys(input: Node, known: Node, at steps: [Step] = []) -> [InputError] {
    switch (input, known) {
    case (.mapping(let inMap), .mapping(let knownMap)):
      var errors: [InputError] = []
      for (keyNode, value) in inMap {
        guard let key = keyNode.string else { continue }
        if case .scalar(let s) = value, s.string == "~" || s.string == "null" || s.string.isEmpty {
          continue
        }
        let path = steps + [.key(key)]
        if let knownValue = knownMap[key] {
          errors += unknownKeys(input: value, known: knownValue, at: path)
        } else {
          // Only the keys present in the decoded value are known here, not every optional key.
          let inUse = knownMap.keys.compactMap(\.string).sorted().joined(separator: ", ")
          errors.append(
            InputError(
              .unknownField, field: YAMLLocator.render(path),
              expected: "a key the protocol format has (keys in use here: \(inUse))", found: "unknown key",
              location: keyLocation(in: inMap, key: key)))
        }
      }
      return errors
    case (.sequence(let inSeq), .sequence(let knownSeq)):
      return zip(inSeq, knownSeq).enumerated().flatMap { i, pair in
        unknownKeys(input: pair.0, known: pair.1, at: steps + [.index(i)])
      }
    default:
      return []
    }
  }
}
