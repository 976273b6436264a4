package org.drpwarehouse.app.sample;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What {@code drp generate} makes: how many synthetic authorities, over how many financial years,
 * from which seed, into which folder, and how imperfect the data is.
 *
 * <p>The same settings always give byte-identical output: nothing depends on the clock, the
 * machine or the order of a hash table. Start from {@link #of(int, int, long, Path)} and change
 * one setting at a time with the {@code with...} methods.
 *
 * @param authorities number of authorities, 1 to {@value #MAX_AUTHORITIES}; codes run {@code 101},
 *     {@code 102}, ...
 * @param years number of financial years, 1 to {@value #MAX_YEARS}
 * @param seed the run seed; every random choice derives from it
 * @param startYear the period starts on 1 April of this year (default {@value #DEFAULT_START_YEAR},
 *     fixed rather than taken from the clock so that output is reproducible)
 * @param out the output folder; it must be empty or not exist yet
 * @param malformedRate share of rows per file replaced by a malformed row, in [0, 0.5] (default
 *     {@value #DEFAULT_MALFORMED_RATE})
 * @param recordingGapRate share of disputes with a recording gap (a stage or ending not on file, a
 *     form not attached), in [0, 1] (default {@value #DEFAULT_RECORDING_GAP_RATE}: about 97% of
 *     disputes fully recorded, well above the gate's 80% block and 95% warning levels; 0.35 gives
 *     data the gate blocks)
 * @param presetSwitchEvery every n-th authority changes policy preset half-way through the
 *     period, giving a second binding row (default {@value #DEFAULT_PRESET_SWITCH_EVERY}; 0: never)
 */
public record GeneratorSettings(
    int authorities,
    int years,
    long seed,
    int startYear,
    Path out,
    double malformedRate,
    double recordingGapRate,
    int presetSwitchEvery) {

  public static final int MAX_AUTHORITIES = 899;
  public static final int MAX_YEARS = 20;
  public static final int DEFAULT_START_YEAR = 2022;
  public static final double DEFAULT_MALFORMED_RATE = 0.003;
  public static final double DEFAULT_RECORDING_GAP_RATE = 0.03;
  public static final int DEFAULT_PRESET_SWITCH_EVERY = 7;

  public GeneratorSettings {
    if (authorities < 1 || authorities > MAX_AUTHORITIES) {
      throw new IllegalArgumentException(
          "Cannot generate " + authorities + " authorities: use 1 to " + MAX_AUTHORITIES
              + " (codes are three digits from 101)");
    }
    if (years < 1 || years > MAX_YEARS) {
      throw new IllegalArgumentException(
          "Cannot generate " + years + " years: use 1 to " + MAX_YEARS + " financial years");
    }
    if (startYear < 1990 || startYear > 2100) {
      throw new IllegalArgumentException("Cannot start in " + startYear + ": use a year from 1990 to 2100");
    }
    Objects.requireNonNull(out, "out: the output folder");
    if (!(malformedRate >= 0 && malformedRate <= 0.5)) {
      throw new IllegalArgumentException("Cannot use malformed rate " + malformedRate + ": use 0 to 0.5");
    }
    if (!(recordingGapRate >= 0 && recordingGapRate <= 1)) {
      throw new IllegalArgumentException("Cannot use recording gap rate " + recordingGapRate + ": use 0 to 1");
    }
    if (presetSwitchEvery < 0) {
      throw new IllegalArgumentException(
          "Cannot switch presets every " + presetSwitchEvery + " authorities: use 0 (never) or more");
    }
  }

  /** The defaults for everything but the size, the seed and the folder. */
  public static GeneratorSettings of(int authorities, int years, long seed, Path out) {
    return new GeneratorSettings(
        authorities, years, seed, DEFAULT_START_YEAR, out, DEFAULT_MALFORMED_RATE,
        DEFAULT_RECORDING_GAP_RATE, DEFAULT_PRESET_SWITCH_EVERY);
  }

  public GeneratorSettings withStartYear(int value) {
    return new GeneratorSettings(authorities, years, seed, value, out, malformedRate, recordingGapRate, presetSwitchEvery);
  }

  public GeneratorSettings withMalformedRate(double value) {
    return new GeneratorSettings(authorities, years, seed, startYear, out, value, recordingGapRate, presetSwitchEvery);
  }

  public GeneratorSettings withRecordingGapRate(double value) {
    return new GeneratorSettings(authorities, years, seed, startYear, out, malformedRate, value, presetSwitchEvery);
  }

  public GeneratorSettings withPresetSwitchEvery(int value) {
    return new GeneratorSettings(authorities, years, seed, startYear, out, malformedRate, recordingGapRate, value);
  }

  public GeneratorSettings withSeed(long value) {
    return new GeneratorSettings(authorities, years, value, startYear, out, malformedRate, recordingGapRate, presetSwitchEvery);
  }

  public GeneratorSettings withOut(Path value) {
    return new GeneratorSettings(authorities, years, seed, startYear, value, malformedRate, recordingGapRate, presetSwitchEvery);
  }

  /** 1 April of the start year. */
  public LocalDate periodStart() {
    return LocalDate.of(startYear, 4, 1);
  }

  /** 31 March after the last financial year: the extract date of every authority. */
  public LocalDate periodEnd() {
    return LocalDate.of(startYear + years, 3, 31);
  }
}
