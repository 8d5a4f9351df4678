# R's forecast package on the series bench/forecast.ts hands over, for the side-by-side
# comparison: auto.arima, ets, thetaf and croston on each series, timed one by one.
# Usage: Rscript bench/forecast-r.R SERIES.csv META.csv OUT.csv
#   SERIES.csv: series_id,t,value (history only)   META.csv: series_id,season,horizon
#   OUT.csv:    series_id,method,h,forecast,seconds
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
series <- read.csv(args[1], stringsAsFactors = FALSE)
meta <- read.csv(args[2], stringsAsFactors = FALSE)
out <- file(args[3], "w")
writeLines("series_id,method,h,forecast,seconds", out)
methods <- list(
  auto.arima = function(y, h) forecast(auto.arima(y), h = h)$mean,
  ets = function(y, h) forecast(ets(y), h = h)$mean,
  thetaf = function(y, h) thetaf(y, h = h)$mean,
  croston = function(y, h) croston(y, h = h)$mean
)
for (i in seq_len(nrow(meta))) {
  id <- meta$series_id[i]
  rows <- series[series$series_id == id, ]
  y <- ts(rows$value[order(rows$t)], frequency = meta$season[i])
  h <- meta$horizon[i]
  for (name in names(methods)) {
    started <- proc.time()[["elapsed"]]
    values <- tryCatch(as.numeric(suppressWarnings(methods[[name]](y, h))), error = function(e) rep(NA_real_, h))
    seconds <- proc.time()[["elapsed"]] - started
    writeLines(sprintf("%s,%s,%d,%.10g,%.6f", id, name, seq_len(h), values, seconds), out)
  }
  message(sprintf("R %d/%d %s", i, nrow(meta), id))
}
close(out)
