import FuzzSupport
import Inputs
import Reports

// The CSV reader on arbitrary text, then each typed reader on the table: kinetics profiles
// (`nca`, `kinetics`), survival groups (`km`: columns named by the header, with and without a
// group column) and the report's subject table.
runFuzzer { bytes in
  guard let table = try? CSVTable(text: text(bytes), file: "fuzz.csv") else { return }
  _ = try? table.concentrationProfiles()
  let header = table.header
  if header.count >= 2 { _ = try? table.survivalGroups(time: header[0], event: header[1], group: nil) }
  if header.count >= 4 { _ = try? table.survivalGroups(time: header[1], event: header[2], group: header[3]) }
  _ = try? SubjectRecord.records(from: table)
}
