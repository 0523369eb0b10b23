import Foundation
import Inputs
import Testing

/// `Decodable` for ``InputEnumeration`` types: any case, aliases, and an error that lists the
/// allowed values as an `InputError` inside the `DecodingError`.
@Suite struct InputEnumerationDecodingTests {
  enum Fruit: String, Codable, InputEnumeration {
    case apple, pear
    static let aliases: [String: Fruit] = ["poire": .pear]
  }

  struct Basket: Codable { var fruit: Fruit }

  private func decode(_ json: String) throws -> Fruit {
    try JSONDecoder().decode(Basket.self, from: Data(json.utf8)).fruit
  }

  @Test func decodesAnyCaseAndAliases() throws {
    #expect(try decode(#"{"fruit": "APPLE"}"#) == .apple)
    #expect(try decode(#"{"fruit": "Poire"}"#) == .pear)
  }

  @Test func unknownValueCarriesAnInputErrorListingTheValues() {
    do {
      _ = try decode(#"{"fruit": "plum"}"#)
      Issue.record("expected an error")
    } catch let DecodingError.dataCorrupted(context) {
      #expect(context.codingPath.map(\.stringValue) == ["fruit"])
      #expect(
        context.underlyingError as? InputError
          == InputError(.invalidValue, field: "", expected: "one of apple, pear", found: "\"plum\""))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func encodesTheCanonicalName() throws {
    let data = try JSONEncoder().encode(Basket(fruit: .pear))
    #expect(String(decoding: data, as: UTF8.self) == #"{"fruit":"pear"}"#)
  }
}
