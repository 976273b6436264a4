package org.drpwarehouse.app.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adds up what each authority's files held, into a {@link GenerationSummary}. */
final class SummaryTally {
  /** Layout order; a LinkedHashMap keeps it. */
  private final Map<String, long[]> files = new LinkedHashMap<>();
  private final EnumMap<MalformedKind, Long> kinds = new EnumMap<>(MalformedKind.class);

  SummaryTally(List<String> layout) {
    for (String file : layout) {
      files.put(file, new long[3]);
    }
  }

  void add(String file, long rows, long malformed, long bytes) {
    long[] counts = files.get(file);
    if (counts == null) {
      throw new IllegalStateException("File " + file + " is not in the output layout " + files.keySet());
    }
    counts[0] += rows;
    counts[1] += malformed;
    counts[2] += bytes;
  }

  void add(String file, CsvSink sink) {
    add(file, sink.rows(), sink.malformed(), sink.bytes());
    sink.malformedByKind().forEach((kind, count) -> kinds.merge(kind, count, Long::sum));
  }

  GenerationSummary build(LocalDate start, LocalDate end, List<AuthorityBinding> bindings) {
    List<GenerationSummary.FileStats> stats = new ArrayList<>();
    files.forEach((file, c) -> stats.add(new GenerationSummary.FileStats(file, c[0], c[1], c[2])));
    return new GenerationSummary(start, end, stats, kinds, bindings);
  }
}
