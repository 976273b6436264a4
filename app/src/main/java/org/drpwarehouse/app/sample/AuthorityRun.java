package org.drpwarehouse.app.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drpwarehouse.schemas.ExchangeFormat;
import org.drpwarehouse.schemas.ExtractManifest;
import org.drpwarehouse.schemas.RecordSpec;
import org.drpwarehouse.schemas.Ssda903;
import org.drpwarehouse.schemas.rows.Allocation;
import org.drpwarehouse.schemas.rows.CpPlan;
import org.drpwarehouse.schemas.rows.Ssda903Episode;
import org.drpwarehouse.schemas.rows.Ssda903Missing;
import org.drpwarehouse.schemas.rows.Ssda903Review;

/**
 * Generates and writes one authority's folder. Everything it holds (a few thousand children and
 * their allocations) is dropped when it returns, which keeps a national run's memory flat: the
 * only thing that grows with the number of authorities is the summary.
 */
final class AuthorityRun {
  private final GeneratorSettings settings;
  private final WorkingDays days;

  AuthorityRun(GeneratorSettings settings, WorkingDays days) {
    this.settings = settings;
    this.days = days;
  }

  void run(Authority authority, SummaryTally tally) throws IOException {
    Path folder = settings.out().resolve(authority.code());
    Files.createDirectories(folder.resolve(OutputLayout.SSDA903_FOLDER));
    writeManifest(folder, authority, tally);

    long seed = settings.seed();
    int index = authority.index();
    List<LookedAfterChild> children =
        new LookedAfterChildren(days.calendar()).generate(authority, Dice.of(seed, index, Dice.Purpose.CHILDREN));
    List<ProtectedChild> protectedChildren = new ChildProtectionPlans(days.calendar())
        .generate(authority, Dice.of(seed, index, Dice.Purpose.CHILD_PROTECTION));
    Dice allocations = Dice.of(seed, index, Dice.Purpose.ALLOCATIONS);
    Caseload caseload = new Caseload(children, protectedChildren, Workforce.of(authority, allocations), allocations);
    MalformedRows malformed =
        new MalformedRows(settings.malformedRate(), Dice.of(seed, index, Dice.Purpose.MALFORMED));

    write(folder, Ssda903.HEADER, malformed, tally, out -> {
      for (LookedAfterChild child : children) {
        out.write(child.header());
      }
    });
    write(folder, Ssda903.EPISODES, malformed, tally, out -> {
      for (LookedAfterChild child : children) {
        for (Ssda903Episode episode : child.episodes()) {
          out.write(episode);
        }
      }
    });
    write(folder, Ssda903.REVIEWS, malformed, tally, out -> {
      for (LookedAfterChild child : children) {
        for (Ssda903Review review : child.reviews()) {
          out.write(review);
        }
      }
    });
    write(folder, Ssda903.UASC, malformed, tally, out -> {
      for (LookedAfterChild child : children) {
        if (child.uasc() != null) {
          out.write(child.uasc());
        }
      }
    });
    write(folder, Ssda903.MISSING_EPISODES, malformed, tally, out -> {
      for (LookedAfterChild child : children) {
        for (Ssda903Missing missing : child.missing()) {
          out.write(missing);
        }
      }
    });

    CsvSink disputes = open(folder, ExchangeFormat.DISPUTES, malformed);
    CsvSink events = open(folder, ExchangeFormat.DISPUTE_EVENTS, malformed);
    try (disputes; events) {
      new DisputeGenerator(days, settings.recordingGapRate())
          .generate(authority, caseload, Dice.of(seed, index, Dice.Purpose.DISPUTES), disputes, events);
    }
    tally.add(OutputLayout.within(ExchangeFormat.DISPUTES), disputes);
    tally.add(OutputLayout.within(ExchangeFormat.DISPUTE_EVENTS), events);

    write(folder, ExchangeFormat.ALLOCATIONS, malformed, tally, out -> {
      for (Allocation row : caseload.allocationRows(authority)) {
        out.write(row);
      }
    });
    write(folder, ExchangeFormat.CP_PLANS, malformed, tally, out -> {
      for (ProtectedChild child : protectedChildren) {
        for (CpPlan plan : child.plans()) {
          out.write(plan);
        }
      }
    });
    // Written for every authority, header only where the preset has no review-decision duties,
    // so that every folder has the same files.
    Dice decisions = Dice.of(seed, index, Dice.Purpose.REVIEW_DECISIONS);
    write(folder, ExchangeFormat.REVIEW_DECISIONS, malformed, tally,
        out -> new ReviewDecisions(days).generate(authority, caseload, decisions, out));
  }

  /** What goes into one file. */
  private interface Rows {
    void writeTo(CsvSink out) throws IOException;
  }

  /** Writes one file and, once it is closed and its byte count final, adds it to the tally. */
  private static void write(Path folder, RecordSpec spec, MalformedRows malformed, SummaryTally tally, Rows rows)
      throws IOException {
    CsvSink sink = open(folder, spec, malformed);
    try (sink) {
      rows.writeTo(sink);
    }
    tally.add(OutputLayout.within(spec), sink);
  }

  private static CsvSink open(Path folder, RecordSpec spec, MalformedRows malformed) throws IOException {
    return new CsvSink(folder.resolve(OutputLayout.within(spec)), spec, malformed);
  }

  private void writeManifest(Path folder, Authority authority, SummaryTally tally) throws IOException {
    Path file = folder.resolve(ExtractManifest.FILE_NAME);
    try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8))) {
      // The generated SSDA903 files are the authority's whole record, every year of it.
      new ExtractManifest(authority.code(), authority.name(), authority.periodEnd(), true).write(out);
    }
    tally.add(ExtractManifest.FILE_NAME, 1, 0, Files.size(file));
  }
}
