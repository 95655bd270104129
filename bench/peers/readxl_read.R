# Reads every sheet of every .xlsx under the given paths with readxl::read_excel, one after another, and
# prints `readxl: pass=K files=F seconds=S cells=C`. Run: Rscript bench/peers/readxl_read.R [--repeat K] PATH...
# With --repeat K the files are read K times in one process, one line per pass.
suppressPackageStartupMessages(library(readxl))
args <- commandArgs(trailingOnly = TRUE)
repeat_n <- 1
if (length(args) >= 2 && args[1] == "--repeat") { repeat_n <- as.integer(args[2]); args <- args[-(1:2)] }
files <- unlist(lapply(args, function(p) if (dir.exists(p))
  list.files(p, pattern = "\\.xlsx$", recursive = TRUE, all.files = TRUE, full.names = TRUE, ignore.case = TRUE) else p))
files <- sort(files)
for (pass in seq_len(repeat_n)) {
t0 <- proc.time()[["elapsed"]]
cells <- 0; failed <- 0
for (f in files) {
  ok <- tryCatch({
    for (s in excel_sheets(f)) {
      df <- read_excel(f, sheet = s, col_names = FALSE, .name_repair = "minimal")
      cells <- cells + sum(!is.na(df))
    }
    TRUE
  }, error = function(e) FALSE)
  if (!ok) failed <- failed + 1
}
cat(sprintf("readxl: pass=%d files=%d failed=%d seconds=%.3f cells=%.0f\n", pass, length(files), failed,
  proc.time()[["elapsed"]] - t0, cells))
}
