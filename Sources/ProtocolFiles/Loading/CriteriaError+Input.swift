import Eligibility
import Inputs

extension CriteriaError {
  /// The compile error as an input error of the field `criteria.<ID>.expression`, at the
  /// expression's file, line and column.
  ///
  /// The compiler's message is split at its first ", found " when it reads "expected …, found …";
  /// any other message (an unknown name, a duplicate id) is what was found where a criteria
  /// expression that compiles was expected.
  var inputError: InputError {
    let field = "criteria.\(criterionID).expression"
    let prefix = "expected "
    if message.hasPrefix(prefix), let separator = message.range(of: ", found ") {
      return InputError(
        .invalidValue, field: field,
        expected: String(
          message[message.index(message.startIndex, offsetBy: prefix.count)..<separator.lowerBound]),
        found: String(message[separator.upperBound...]), location: location)
    }
    return InputError(
      .invalidValue, field: field, expected: "a criteria expression that compiles", found: message,
      location: location)
  }
}
