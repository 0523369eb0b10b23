import Foundation

// Release-mode benchmarks, never timed tests: `swift run -c release cartrial-bench [SECTION…]`
// with sections eligibility, analysis, simulation, dosefinding, conduct (all when none is named), or `exact`
// alone (exact operating characteristics once per scenario, for instruction counts).
// Figures are reported in BENCHMARKS.md.
let sections = ["eligibility", "analysis", "simulation", "dosefinding", "conduct", "exact"]
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
if wanted("conduct") { try ConductBench.run() }
// `exact` alone: exact operating characteristics once per scenario (for instruction counts).
if selected == ["exact"] { try SimulationBench.runExact(intervalRepetitions: 1, crmRepetitions: 1) }
