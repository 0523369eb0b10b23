import Inputs

/// The ten items of the Immune Effector Cell-associated Encephalopathy (ICE) score, each 0 or 1
/// (ASTCT 2019; PMC8153820 Table 2). 10 means no impairment.
public struct ICEItems: Sendable, Hashable {
  /// Orientation: year, month, city, hospital (1 point each).
  public var orientationYear, orientationMonth, orientationCity, orientationHospital: Int
  /// Naming three objects (1 point each).
  public var naming1, naming2, naming3: Int
  /// Following a command such as "show me 2 fingers".
  public var followsCommands: Int
  /// Writing a standard sentence.
  public var writing: Int
  /// Counting backwards from 100 by 10.
  public var attention: Int

  public init(
    orientationYear: Int, orientationMonth: Int, orientationCity: Int, orientationHospital: Int,
    naming1: Int, naming2: Int, naming3: Int, followsCommands: Int, writing: Int, attention: Int
  ) {
    self.orientationYear = orientationYear
    self.orientationMonth = orientationMonth
    self.orientationCity = orientationCity
    self.orientationHospital = orientationHospital
    self.naming1 = naming1
    self.naming2 = naming2
    self.naming3 = naming3
    self.followsCommands = followsCommands
    self.writing = writing
    self.attention = attention
  }

  /// The items with their JSON names, in the ICE order.
  var named: [(String, Int)] {
    [
      ("orientationYear", orientationYear), ("orientationMonth", orientationMonth),
      ("orientationCity", orientationCity), ("orientationHospital", orientationHospital),
      ("naming1", naming1), ("naming2", naming2), ("naming3", naming3),
      ("followsCommands", followsCommands), ("writing", writing), ("attention", attention),
    ]
  }

  /// The ICE score 0–10; throws naming the first item that is not 0 or 1.
  public func total() throws(InputError) -> Int {
    var sum = 0
    for (name, points) in named {
      try Check.range(points, 0...1, field: "ice.items.\(name)")
      sum += points
    }
    return sum
  }
}

/// An ICE assessment: the ten items, or the total, or "unable to perform" (unarousable).
///
/// JSON: `{"items": {"orientationYear": 1, …}}`, `{"total": 8}` or `{"unableToPerform": true}`.
public struct ICEAssessment: Sendable, Hashable {
  public var items: ICEItems?
  public var total: Int?
  /// The patient cannot perform the ICE assessment: unarousable (grade 4), or awake with global
  /// aphasia when the observation says so (grade 3, as an ICE of 0).
  public var unableToPerform: Bool?

  public init(items: ICEItems? = nil, total: Int? = nil, unableToPerform: Bool? = nil) {
    self.items = items
    self.total = total
    self.unableToPerform = unableToPerform
  }

  /// The ICE score, or `nil` when the patient could not perform it.
  public func score() throws(InputError) -> Int? {
    try Check.score(
      items: try items?.total(), total: total, unableToPerform: unableToPerform, range: 0...10, field: "ice")
  }

}
