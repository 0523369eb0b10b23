import Assessment
import Inputs

/// A best overall response as a subjects file records it: the B-ALL categories of ``ResponseCategory``
/// plus MLFS (morphologic leukaemia-free state, ELN 2022) and NE (not evaluable).
///
/// Every value is listed so that a misspelt "CRR" is an error rather than a responder silently
/// turned into a treatment failure.
public enum RecordedResponse: String, InputEnumeration, Codable {
  case completeRemission = "CR"
  case completeRemissionIncompleteRecovery = "CRi"
  case partialResponse = "PR"
  case noResponse = "NR"
  case progressiveDisease = "PD"
  case relapse = "relapse"
  case morphologicLeukaemiaFreeState = "MLFS"
  case notEvaluable = "NE"

  /// The response category, for the values that are one (not MLFS or NE).
  public var category: ResponseCategory? { ResponseCategory(rawValue: rawValue) }

  /// CR or CRi: the responders of ORR, DOR and RFS (``ResponseCategory/isRemission``).
  public var isRemission: Bool { category?.isRemission ?? false }
}
