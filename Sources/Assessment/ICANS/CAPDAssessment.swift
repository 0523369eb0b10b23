import Inputs

/// How often a behaviour was seen, as answered on the Cornell Assessment of Pediatric Delirium.
public enum CAPDFrequency: String, Sendable, Hashable, Codable, InputEnumeration {
  case never, rarely, sometimes, often, always

  /// 0 (never) … 4 (always).
  var rank: Int { CAPDFrequency.allCases.firstIndex(of: self)! }
}

/// The eight CAPD items (CHOP CAPD page). Items 1–4 (eye contact, purposeful
/// actions, awareness of surroundings, communicating needs) are reverse-scored (never = 4 …
/// always = 0); items 5–8 (restless, inconsolable, underactive, slow to respond) score never = 0 …
/// always = 4. Total 0–32.
public struct CAPDItems: Sendable, Hashable {
  public var eyeContact, purposefulActions, awareOfSurroundings, communicatesNeeds: CAPDFrequency
  public var restless, inconsolable, underactive, slowToRespond: CAPDFrequency

  public init(
    eyeContact: CAPDFrequency, purposefulActions: CAPDFrequency, awareOfSurroundings: CAPDFrequency,
    communicatesNeeds: CAPDFrequency, restless: CAPDFrequency, inconsolable: CAPDFrequency,
    underactive: CAPDFrequency, slowToRespond: CAPDFrequency
  ) {
    self.eyeContact = eyeContact
    self.purposefulActions = purposefulActions
    self.awareOfSurroundings = awareOfSurroundings
    self.communicatesNeeds = communicatesNeeds
    self.restless = restless
    self.inconsolable = inconsolable
    self.underactive = underactive
    self.slowToRespond = slowToRespond
  }

  /// The CAPD total, 0–32.
  public var total: Int {
    let reversed = [eyeContact, purposefulActions, awareOfSurroundings, communicatesNeeds]
    let direct = [restless, inconsolable, underactive, slowToRespond]
    return reversed.reduce(0) { $0 + 4 - $1.rank } + direct.reduce(0) { $0 + $1.rank }
  }
}

/// A CAPD assessment: the eight answers, or the total, or "unable to perform".
///
/// JSON: `{"items": {"eyeContact": "always", …}}`, `{"total": 10}` or `{"unableToPerform": true}`.
public struct CAPDAssessment: Sendable, Hashable {
  public var items: CAPDItems?
  public var total: Int?
  public var unableToPerform: Bool?

  public init(items: CAPDItems? = nil, total: Int? = nil, unableToPerform: Bool? = nil) {
    self.items = items
    self.total = total
    self.unableToPerform = unableToPerform
  }

  /// The CAPD total, or `nil` when the child could not be assessed.
  public func score() throws(InputError) -> Int? {
    try Check.score(
      items: items?.total, total: total, unableToPerform: unableToPerform, range: 0...32, field: "capd")
  }

}
