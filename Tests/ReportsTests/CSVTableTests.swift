import Inputs
import Testing
import TrialModel

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

/// Typed fields: every error is located at the field and names the column.
@Suite struct CSVValueTests {
  let table = try! CSVTable(
    text: "subject,weightKg,when,dlt\nA,70,2024-01-01,yes\nB,abc,2024-02-30,maybe\n", file: "s.csv")

  @Test func valuesParse() throws {
    let row = table.rows[0]
    #expect(try table.number(row, "weightKg") == 70)
    #expect(try table.date(row, "when") == CalendarDate(iso: "2024-01-01"))
    #expect(try table.flag(row, "dlt") == true)
  }

  @Test func errorsNameFileLineColumnAndField() {
    let row = table.rows[1]
    #expect(throws: InputError.self) { try table.number(row, "weightKg") }
    do {
      _ = try table.nonNegative(row, "weightKg")
    } catch {
      #expect(error.description == "s.csv:3:3: weightKg: expected a number, found \"abc\"")
    }
    do {
      _ = try table.date(row, "when")
    } catch {
      #expect(error.description == "s.csv:3:7: when: expected a date YYYY-MM-DD, found \"2024-02-30\"")
    }
    do {
      _ = try table.flag(row, "dlt")
    } catch {
      #expect(error.location == SourceLocation(file: "s.csv", line: 3, column: 18))
      #expect(error.field == "dlt")
    }
  }

  @Test func fixedLayoutRejectsUnknownColumnsAtTheirPlace() {
    let table = try! CSVTable(text: "subject,infusion_date,deathdate\nA,2024-01-01,\n", file: "s.csv")
    do {
      try table.check(required: ["subject", "infusion_date"], allowed: ["death_date"])
      Issue.record("an unknown column was accepted")
    } catch {
      #expect(error.kind == .unknownField && error.field == "deathdate")
      #expect(error.location == SourceLocation(file: "s.csv", line: 1, column: 23))
    }
  }

  @Test func repeatedColumnAndShortRecordAreErrors() {
    #expect(throws: InputError.self) { try CSVTable(text: "a,a\n1,2\n", file: "t.csv") }
    do {
      _ = try CSVTable(text: "a,b\n1\n", file: "t.csv")
    } catch {
      #expect(error.description == "t.csv:2:1: expected 2 fields (a,b), found 1")
    }
  }
}
