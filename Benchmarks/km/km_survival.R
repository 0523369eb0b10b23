# The R side of the `km` benchmark (BENCHMARKS.md, "Issue 11: km at 10^6 rows"): the same work as
# `cartrial km --input FILE --time time --event status --group arm --at 180,365,730`:
# read the CSV, Kaplan-Meier by arm with log-scale 95% CIs (survfit's default), medians with CIs,
# S(t) at 180/365/730 days, every step of the curves (summary), and the log-rank test.
#   Rscript Benchmarks/km/km_survival.R /tmp/km-1e6.csv
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
file <- if (length(args) > 0) args[1] else "/tmp/km-1e6.csv"
read <- system.time(d <- read.csv(file))
analysis <- system.time({
  fit <- survfit(Surv(time, status) ~ arm, data = d)
  print(fit)
  print(summary(fit, times = c(180, 365, 730)))
  steps <- summary(fit)
  cat("steps:", length(steps$time), "\n")
  print(survdiff(Surv(time, status) ~ arm, data = d), digits = 10)
})
cat(sprintf("R %s, survival %s: read.csv %.2f s, fit + summaries + test %.2f s (elapsed)\n",
  getRversion(), packageVersion("survival"), read[["elapsed"]], analysis[["elapsed"]]))
