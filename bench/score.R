# Scores calibration estimates against a synthetic cycle's truth.
# Usage: Rscript bench/score.R truth.csv ratings.csv [estimates.csv …]
# Prints one line per method: NAME RMSE COVERAGE90, where RMSE is of level against the true
# level and COVERAGE90 the share of people whose 90% interval (level ± 1.645 se) contains the
# truth. The first line, "raw", is the mean of each person's ratings (no interval: NA).
args <- commandArgs(trailingOnly = TRUE)
truth <- read.csv(args[1], colClasses = c("character", "numeric", "character"))
ratings <- read.csv(args[2], colClasses = c("character", "character", "numeric"))
raw <- aggregate(rating ~ person_id, data = ratings, FUN = mean)
merged <- merge(truth, raw, by = "person_id")
cat(sprintf("raw %.4f NA\n", sqrt(mean((merged$rating - merged$level)^2))))
for (file in args[-(1:2)]) {
  estimates <- read.csv(file, colClasses = c("character", "numeric", "numeric"))
  merged <- merge(truth, estimates, by = "person_id", suffixes = c(".true", ""))
  if (nrow(merged) != nrow(truth)) stop(sprintf("%s: %d of %d people", file, nrow(merged), nrow(truth)))
  error <- merged$level - merged$level.true
  cat(sprintf("%s %.4f %.4f\n", sub("\\.csv$", "", basename(file)), sqrt(mean(error^2)),
              mean(abs(error) <= qnorm(0.95) * merged$se)))
}
