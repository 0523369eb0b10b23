import Foundation
import TrialModel

/// One cell dose written in a registry text: "5×10^6 cells/kg", "3.0 × 10^8 car-t cells",
/// "1 x 10e6/kg", "2.0E+06 CAR-T cells/kg", one end of "0.5-1.0×10^6 CAR+ T cells/kg".
public struct DoseMention: Sendable, Hashable {
  /// Whether the amount is a dose level or a cap on the total infused.
  public enum Role: String, Sendable, Hashable {
    /// A dose given (a level, or one end of a stated range).
    case dose
    /// "the maximum total number of infused cells was not more than 1.5 × 10^8 car-t cells":
    /// a flat amount capping the per-kg dose written before it.
    case cap
  }

  /// The amount in `cells` or `cells/kg`.
  public var quantity: Quantity
  public var role: Role
  /// Whether it is one end of a range ("0.5-1.0×10^6", "from … to …" counts as two doses).
  public var isRangeEnd: Bool
  /// The level number written before it ("dose level 2:", "DL-1", "dl3:"), if any.
  public var statedLevel: Int?
  /// For a cap: the per-kg dose it caps.
  public var caps: Quantity?
  /// The words as written, for review.
  public var text: String
}
