# The classic series that ship with R (and with the forecast package), in long form for
# bench/forecast.ts: Rscript bench/forecast-classics.R OUT.csv -> series_id,season,t,value
suppressMessages(library(forecast))
names <- c("AirPassengers", "UKgas", "nottem", "co2", "USAccDeaths", "ldeaths", "mdeaths", "fdeaths",
           "UKDriverDeaths", "JohnsonJohnson", "austres", "Seatbelts", "wineind", "woolyrnq", "gas",
           "BJsales", "Nile", "lynx", "WWWusage", "LakeHuron", "airmiles", "sunspot.year", "uspop",
           "discoveries", "nhtemp")
out <- file(commandArgs(trailingOnly = TRUE)[1], "w")
writeLines("series_id,season,t,value", out)
for (name in names) {
  y <- get(name)
  season <- max(1L, as.integer(frequency(y)))
  if (is.matrix(y)) y <- y[, 1]
  y <- as.numeric(y)
  writeLines(sprintf("%s,%d,%d,%.10g", name, season, seq_along(y) - 1L, y), out)
}
close(out)
