// Release-mode benchmarks: `swift run -c release cartrial-bench`. Figures go to BENCHMARKS.md.
print("cartrial-bench: no benchmarks yet")
try EligibilityBench.runSelected()
try AnalysisBench.run()
try SimulationBench.run()
DoseFindingBench.run()
