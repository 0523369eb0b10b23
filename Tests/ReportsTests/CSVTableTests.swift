import Inputs
import Testing

@testable import Reports

/// The CSV reader: RFC 4180 records, field positions and located errors.
@Suite struct CSVTableTests {
  @Test func readsQuotesCRLFAndBlankLines() throws {
    let text = "\u{FEFF}\"subject\",note\r\n\"A, 1\",\"says \"\"hi\"\"\"\r\n\r\nB,\"two\nlines\"\nC,x\n"
    let table = try CSVTable(text: text, file: "t.csv")
    #expect(table.header == ["subject", "note"])
    #expect(table.rows.map(\.fields) == [["A, 1", "says \"hi\""], ["B", "two\nlines"], ["C", "x"]])
    #expect(table.rows.map(\.line) == [2, 4, 6])
    // "A, 1" is 6 characters + the comma: the note starts in column 8 of line 2; C's x in column 3.
    #expect(table.rows[0].positions.map(\.column) == [1, 8])
    #expect(table.rows[2].positions == [.init(line: 6, column: 1), .init(line: 6, column: 3)])
  }

  @Test func unterminatedQuoteIsLocatedAtTheField() {
    #expect(throws: InputError.self) { try CSVTable(text: "a,b\n1,\"open\n", file: "t.csv") }
    do {
      _ = try CSVTable(text: "a,b\n1,\"open\n", file: "t.csv")
    } catch {
      #expect(error.location == SourceLocation(file: "t.csv", line: 2, column: 3))
      #expect(error.kind == .malformed)
    }
  }
}
