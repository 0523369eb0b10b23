import Foundation

// Release-mode benchmarks, never timed tests: `swift run -c release cartrial-bench [SECTION…]`
// with sections eligibility, analysis, simulation, dosefinding, conduct, store, registry (all when none is named), or `exact`
// alone (exact operating characteristics once per scenario, for instruction counts), or `exact-size`
// (exact OC at 30–60 patients with peak memory; never part of the default run, it takes a minute).
// Figures are reported in BENCHMARKS.md. `store` measures the event store (SQLite, and PostgreSQL
// when CARTRIAL_TEST_POSTGRES_URL is set); `append-writer --db PATH --trial T --count N` is the
// writer process the store's crash tests kill, not a benchmark.
if CommandLine.arguments.dropFirst().first == "append-writer" {
  try await StoreBench.appendWriter(Array(CommandLine.arguments.dropFirst(2)))
  exit(0)
}
let sections = [
  "eligibility", "analysis", "simulation", "dosefinding", "conduct", "exact", "exact-size", "store",
  "registry",
]
let selected = Set(CommandLine.arguments.dropFirst().map { $0.lowercased() })
if let unknown = selected.subtracting(sections).first {
  print("cartrial-bench: unknown section '\(unknown)'; expected any of: \(sections.joined(separator: ", "))")
  exit(2)
}
func wanted(_ section: String) -> Bool { selected.isEmpty || selected.contains(section) }

if wanted("eligibility") { try EligibilityBench.run() }
if wanted("analysis") { try AnalysisBench.run() }
if wanted("simulation") { try SimulationBench.run() }
if wanted("dosefinding") { DoseFindingBench.run() }
if wanted("store") { try await StoreBench.run() }
if wanted("conduct") { try ConductBench.run() }
if wanted("registry") { try await RegistryBench.run() }
// `exact` alone: exact operating characteristics once per scenario (for instruction counts).
if selected == ["exact"] { try SimulationBench.runExact(intervalRepetitions: 1, crmRepetitions: 1) }
// `exact-size` when named: exact OC at 30, 45 and 60 patients with peak memory (issue 16).
if selected.contains("exact-size") { try SimulationBench.runExactSize() }
