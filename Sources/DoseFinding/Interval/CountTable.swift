/// A value for every count pair (n patients, y DLTs) with 0 ≤ y ≤ n ≤ `maxPatients`, stored in one
/// flat triangular array so that a look-up is an index computation (no hashing, no allocation).
public struct CountTable<Element: Sendable & Hashable>: Sendable, Hashable {
  /// Largest n tabulated.
  public let maxPatients: Int
  private let storage: [Element]

  /// Tabulates `value(n, y)` for n = 0…maxPatients, y = 0…n.
  public init(maxPatients: Int, _ value: (_ patients: Int, _ dlts: Int) -> Element) {
    precondition(maxPatients >= 0, "maxPatients must be non-negative")
    self.maxPatients = maxPatients
    var storage: [Element] = []
    storage.reserveCapacity((maxPatients + 1) * (maxPatients + 2) / 2)
    for n in 0...maxPatients {
      for y in 0...n { storage.append(value(n, y)) }
    }
    self.storage = storage
  }

  /// Whether (n, y) is tabulated.
  @inlinable public func contains(patients n: Int, dlts y: Int) -> Bool {
    n >= 0 && n <= maxPatients && y >= 0 && y <= n
  }

  /// The value at (n, y); precondition: ``contains(patients:dlts:)``.
  public subscript(patients n: Int, dlts y: Int) -> Element {
    storage[n * (n + 1) / 2 + y]
  }
}
