/// A compiled expression flattened into plain-data instructions in pre-order: evaluation walks
/// indices instead of a tree of boxed enum cases, so it does no reference counting (which, with
/// criteria shared between threads, made cores contend for the same counters).
///
/// Children of a node follow it; `size` is the length of a node's subtree, so the next sibling
/// of the instruction at `i` is at `i + size`.
struct Instruction: Sendable, Hashable {
  enum Op: UInt8, Sendable {
    case constant, fact, and, or, not, conditional
    case compare, age, since, within, ever, sex, cnsStatus, antigen, ongoing
  }

  var op: Op
  var size: Int32 = 1
  /// Children of `and` / `or`; the value of `constant` (0 or 1).
  var count: Int32 = 0
  var fact: BooleanFact = .bAll
  var source: NumericSource = .completedAge
  var comparison: Comparison = .equal
  /// Threshold in the compared value's canonical unit.
  var threshold: Double = 0
  var span: CalendarSpan = CalendarSpan(amount: 0, unit: .days)
  var hasSpan = false
  var anchor: Anchor = .screening
  var direction: Direction = .before
  var selection = Selection()
  var sex: Sex = .male
  var cnsStatus: CNSStatus = .cns1
  /// Index in ``Program/labels`` of the text used in evidence (threshold as written, selection name).
  var label: Int32 = 0
}

/// The plain-data part of an event selection.
struct Selection: Sendable, Hashable {
  var classes = EventClassSet()
  var filter = EventFilter()
  /// Index in ``Selection/antigens`` + 1, or 0 for history events.
  var antigen: UInt8 = 0
  /// The record's plans rather than its history.
  var planned = false
  /// Only antigen results after the last day of the latest event of these classes count.
  var after = EventClassSet()

  static let antigens = ["CD19", "CD20", "CD22"]
  var antigenName: String? { antigen == 0 ? nil : Selection.antigens[Int(antigen) - 1] }

  init() {}

  init(_ selector: EventSelector) {
    classes = selector.classes
    filter = selector.filter
    planned = selector.planned
    after = selector.after
    if let name = selector.antigen, let i = Selection.antigens.firstIndex(of: name) { antigen = UInt8(i + 1) }
  }
}

/// The instructions of every criterion of a protocol and the evidence texts they refer to.
struct Program: Sendable, Hashable {
  var code: [Instruction] = []
  var labels: [String] = [""]

  /// Appends `node`'s instructions; returns the index of its first instruction.
  mutating func append(_ node: Node) -> Int {
    let start = code.count
    lower(node)
    return start
  }

  private mutating func label(_ text: String) -> Int32 {
    labels.append(text)
    return Int32(labels.count - 1)
  }

  private mutating func lower(_ node: Node) {
    let start = code.count
    switch node {
    case .constant(let b): code.append(Instruction(op: .constant, count: b ? 1 : 0))
    case .fact(let fact): code.append(Instruction(op: .fact, fact: fact))
    case .and(let terms), .or(let terms):
      code.append(Instruction(op: node.isAnd ? .and : .or, count: Int32(terms.count)))
      for t in terms { lower(t) }
    case .not(let inner):
      code.append(Instruction(op: .not))
      lower(inner)
    case .conditional(let c, let a, let b):
      code.append(Instruction(op: .conditional))
      lower(c)
      lower(a)
      lower(b)
    case .compare(let source, let op, let threshold):
      let text = threshold.written + (threshold.setting.map { " (\($0))" } ?? "")
      code.append(
        Instruction(
          op: .compare, source: source, comparison: op, threshold: threshold.canonical, label: label(text)))
    case .age(let op, let span, let setting):
      let text = "\(span)" + (setting.map { " (\($0))" } ?? "")
      code.append(Instruction(op: .age, comparison: op, span: span, label: label(text)))
    case .since(let selector, let op, let span, let anchor):
      code.append(
        Instruction(
          op: .since, comparison: op, span: span, anchor: anchor, selection: Selection(selector),
          label: label(selector.name)))
    case .within(let selector, let span, let anchor, let direction):
      code.append(
        Instruction(
          op: .within, span: span, hasSpan: true, anchor: anchor, direction: direction,
          selection: Selection(selector), label: label(selector.name)))
    case .ongoing(let selector):
      code.append(Instruction(op: .ongoing, selection: Selection(selector), label: label(selector.name)))
    case .ever(let selector):
      code.append(Instruction(op: .ever, selection: Selection(selector), label: label(selector.name)))
    case .sex(let sex): code.append(Instruction(op: .sex, sex: sex))
    case .cnsStatus(let status): code.append(Instruction(op: .cnsStatus, cnsStatus: status))
    case .antigen(let selector, let span, let anchor):
      code.append(
        Instruction(
          op: .antigen, span: span ?? CalendarSpan(amount: 0, unit: .days), hasSpan: span != nil,
          anchor: anchor,
          selection: Selection(selector), label: label(selector.name)))
    }
    code[start].size = Int32(code.count - start)
  }
}

extension Node {
  fileprivate var isAnd: Bool {
    if case .and = self { return true }
    return false
  }
}
