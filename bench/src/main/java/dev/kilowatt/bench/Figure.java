package dev.kilowatt.bench;

/** One number the benchmark reports, as the table names it. */
enum Figure {
  BOOT("ms"),
  GET_CONFIGURATION_P50("ms"),
  GET_CONFIGURATION_P99("ms"),
  CHANGE_CONFIGURATION_P50("ms"),
  CHANGE_CONFIGURATION_P99("ms"),
  REMOTE_START_P50("ms"),
  REMOTE_START_MAX("ms"),
  REMOTE_STOP_P50("ms"),
  FIRST_CALLS_MAX("ms"),
  RSS_IDLE("MiB"),
  RSS_AFTER_CALLS("MiB"),
  RSS_PEAK_FLOOD("MiB"),
  THREADS_IDLE(""),
  CALLS_PER_SECOND("/s"),
  DROPPED(""),
  RECONNECTS(""),
  LOST("");

  final String unit;

  Figure(String unit) {
    this.unit = unit;
  }
}
