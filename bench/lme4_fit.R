# The reference fit for calibration: R's lme4 crossed random effects on the ratings alone,
#   rating ~ 1 + (1 | person) + (1 | rater)   (REML, lme4's default)
# Usage: Rscript bench/lme4_fit.R ratings.csv estimates.csv
# Writes person_id,level,se (level = intercept + person effect; se = the conditional standard
# deviation of the person effect, lme4's condVar) and prints the fit and SE times in seconds.
suppressPackageStartupMessages(library(lme4))
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 2) stop("usage: Rscript lme4_fit.R ratings.csv estimates.csv")
ratings <- read.csv(args[1], colClasses = c("character", "character", "numeric"))
ratings$person <- factor(ratings$person_id)
ratings$rater <- factor(ratings$rater_id)

fit_time <- system.time(
  fit <- lmer(rating ~ 1 + (1 | person) + (1 | rater), data = ratings)
)[["elapsed"]]
se_time <- system.time({
  effects <- ranef(fit, condVar = TRUE)
  person <- effects$person
  variance <- attr(person, "postVar")[1, 1, ]
})[["elapsed"]]

out <- data.frame(person_id = rownames(person),
                  level = fixef(fit)[[1]] + person[, 1],
                  se = sqrt(variance))
write.csv(out, args[2], row.names = FALSE, quote = FALSE)
components <- as.data.frame(VarCorr(fit))
cat(sprintf("lme4: fit %.2f s, conditional variances %.2f s; sd person %.3f rater %.3f residual %.3f\n",
            fit_time, se_time,
            components$sdcor[components$grp == "person"],
            components$sdcor[components$grp == "rater"],
            components$sdcor[components$grp == "Residual"]))
