package org.drpwarehouse.quality.internal;

import com.amazon.deequ.VerificationResult;
import com.amazon.deequ.VerificationSuite;
import com.amazon.deequ.analyzers.Analyzer;
import com.amazon.deequ.analyzers.AnalyzerOptions;
import com.amazon.deequ.analyzers.Compliance;
import com.amazon.deequ.analyzers.FilteredRowOutcome$;
import com.amazon.deequ.analyzers.NullBehavior$;
import com.amazon.deequ.analyzers.Size;
import com.amazon.deequ.analyzers.runners.AnalyzerContext;
import com.amazon.deequ.checks.Check;
import com.amazon.deequ.checks.CheckLevel$;
import com.amazon.deequ.checks.CheckResult;
import com.amazon.deequ.constraints.ConstraintResult;
import com.amazon.deequ.metrics.DoubleMetric;
import com.amazon.deequ.metrics.Entity$;
import com.amazon.deequ.metrics.Metric;
import com.amazon.deequ.repository.AnalysisResult;
import com.amazon.deequ.repository.ResultKey;
import com.amazon.deequ.repository.fs.FileSystemMetricsRepository;
import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Option;
import scala.Tuple2;
import scala.collection.JavaConverters;
import scala.runtime.AbstractFunction1;
import scala.util.Success;

/**
 * The one place Scala types appear: Deequ's verification suite, its row-level results and its
 * file-system metrics repository, behind Java records and lists.
 *
 * <p>Every constraint is a Deequ {@code Compliance} ({@code Check.satisfies}) of a named SQL
 * predicate over the records in a scope ({@code .where}): its metric is the share of records in
 * scope that meet it, and its row-level result is {@code true}/{@code false} for a record in scope
 * and {@code null} for one out of scope ({@code FilteredRowOutcome.NULL}). Each constraint is its own
 * {@link Check} because Deequ gives row-level results per check.
 */
public final class DeequFacade {
  private DeequFacade() {}

  /**
   * One constraint.
   *
   * @param column the name of its row-level result column (a plain identifier, e.g. {@code q_3})
   * @param ruleId the rule id, used as the Deequ constraint instance
   * @param error Deequ check level Error (else Warning)
   * @param scopeSql the records the rule applies to; {@code null} for every record
   * @param passSql true for a record that meets the rule (wrap nullable parts: null counts as failing)
   * @param minimum the assertion on the whole data set's share (Deequ's own check status)
   */
  public record Constraint(String column, String ruleId, boolean error, String scopeSql, String passSql, String hint,
      double minimum) {
    public Constraint {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(ruleId, "ruleId");
      Objects.requireNonNull(passSql, "passSql");
      if (!column.matches("[a-z_][a-z0-9_]*")) {
        throw new IllegalArgumentException("Cannot use row-level column name '" + column + "'");
      }
    }
  }

  /**
   * The whole data set's result of one constraint.
   *
   * @param share the Deequ Compliance metric; {@code null} when nothing is in scope or it failed to compute
   * @param deequPassed Deequ's own status of the check against {@link Constraint#minimum()}
   */
  public record ConstraintMetric(Double share, boolean deequPassed, String message) {}

  /**
   * A verification: per constraint column its metric, and the data with one boolean row-level
   * column per constraint.
   */
  public record Verification(Map<String, ConstraintMetric> metrics, Dataset<Row> rowLevel) {}

  /** A metric to keep in the repository: a Deequ {@code Compliance} or {@code Size} analyzer and its value. */
  public record MetricRecord(Kind kind, String instance, String predicate, String where, double value) {
    public enum Kind {
      COMPLIANCE,
      SIZE
    }

    public MetricRecord {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(instance, "instance");
      if (kind == Kind.COMPLIANCE) {
        Objects.requireNonNull(predicate, "predicate of a compliance metric");
      }
    }
  }

  /** A metric read back from the repository, with the key it was saved under. */
  public record StoredMetric(long time, Map<String, String> tags, String name, String instance, double value) {}

  /** Runs the constraints over the data in one Deequ verification (one scan of the data). */
  public static Verification verify(SparkSession spark, Dataset<Row> data, List<Constraint> constraints) {
    AnalyzerOptions options = new AnalyzerOptions(NullBehavior$.MODULE$.Fail(), FilteredRowOutcome$.MODULE$.NULL());
    List<Check> checks = new ArrayList<>();
    for (Constraint c : constraints) {
      Check check =
          new Check(c.error() ? CheckLevel$.MODULE$.Error() : CheckLevel$.MODULE$.Warning(), c.column(), emptyConstraints());
      Check withConstraint =
          check.satisfies(c.passSql(), c.ruleId(), new AtLeast(c.minimum()), Option.apply(c.hint()), emptyStrings(),
              Option.apply(options));
      if (c.scopeSql() != null) {
        withConstraint = ((com.amazon.deequ.checks.CheckWithLastConstraintFilterable) withConstraint).where(c.scopeSql());
      }
      checks.add(withConstraint);
    }
    VerificationResult result =
        new VerificationSuite().onData(data).addChecks(JavaConverters.asScalaBuffer(checks).toSeq()).run();
    Map<String, ConstraintMetric> metrics = new LinkedHashMap<>();
    for (Map.Entry<Check, CheckResult> entry : JavaConverters.mapAsJavaMap(result.checkResults()).entrySet()) {
      String column = entry.getKey().description();
      for (ConstraintResult constraint : JavaConverters.seqAsJavaList(entry.getValue().constraintResults())) {
        Double share = null;
        if (constraint.metric().isDefined() && constraint.metric().get().value().isSuccess()) {
          Object value = constraint.metric().get().value().get();
          share = value instanceof Double d && !d.isNaN() ? d : null;
        }
        String message = constraint.message().isDefined() ? constraint.message().get() : "";
        boolean passed = constraint.status().toString().equals("Success");
        metrics.put(column, new ConstraintMetric(share, passed, message));
      }
    }
    Dataset<Row> rowLevel = VerificationResult.rowLevelResultsAsDataFrame(spark, result, data);
    return new Verification(Collections.unmodifiableMap(metrics), rowLevel);
  }

  /**
   * Appends one run's metrics to the file-system metrics repository at {@code repository} (a
   * Hadoop URI: {@code file:} or {@code s3a:}), under one key: the time and the tags.
   */
  public static void save(SparkSession spark, URI repository, long time, Map<String, String> tags,
      List<MetricRecord> metrics) {
    Map<Analyzer<?, Metric<?>>, Metric<?>> context = new LinkedHashMap<>();
    for (MetricRecord m : metrics) {
      Option<String> where = Option.apply(m.where());
      Analyzer<?, Metric<?>> analyzer;
      String name;
      if (m.kind() == MetricRecord.Kind.COMPLIANCE) {
        analyzer = cast(new Compliance(m.instance(), m.predicate(), where, emptyStrings(), Option.empty()));
        name = "Compliance";
      } else {
        analyzer = cast(new Size(where));
        name = "Size";
      }
      context.put(analyzer,
          new DoubleMetric(Entity$.MODULE$.Dataset(), name, m.instance(), new Success<Object>(m.value()), Option.empty()));
    }
    FileSystemMetricsRepository repo = new FileSystemMetricsRepository(spark, repository.toString());
    repo.save(new ResultKey(time, toScala(tags)), new AnalyzerContext(toScala(context)));
  }

  /** Every metric the repository holds, oldest key first; an empty list when it does not exist yet. */
  public static List<StoredMetric> load(SparkSession spark, URI repository) {
    FileSystemMetricsRepository repo = new FileSystemMetricsRepository(spark, repository.toString());
    List<StoredMetric> all = new ArrayList<>();
    for (AnalysisResult result : JavaConverters.seqAsJavaList(repo.load().get())) {
      long time = result.resultKey().dataSetDate();
      Map<String, String> tags = Map.copyOf(JavaConverters.mapAsJavaMap(result.resultKey().tags()));
      for (Metric<?> metric : JavaConverters.seqAsJavaList(result.analyzerContext().allMetrics())) {
        if (metric instanceof DoubleMetric d && d.value().isSuccess()) {
          all.add(new StoredMetric(time, tags, d.name(), d.instance(), ((Number) d.value().get()).doubleValue()));
        }
      }
    }
    all.sort(java.util.Comparator.comparingLong(StoredMetric::time));
    return List.copyOf(all);
  }

  @SuppressWarnings("unchecked")
  private static Analyzer<?, Metric<?>> cast(Analyzer<?, ?> analyzer) {
    return (Analyzer<?, Metric<?>>) (Analyzer<?, ?>) analyzer;
  }

  private static scala.collection.immutable.List<String> emptyStrings() {
    return scala.collection.immutable.List$.MODULE$.empty();
  }

  private static scala.collection.immutable.List<com.amazon.deequ.constraints.Constraint> emptyConstraints() {
    return scala.collection.immutable.List$.MODULE$.empty();
  }

  private static <K, V> scala.collection.immutable.Map<K, V> toScala(Map<K, V> map) {
    scala.collection.immutable.Map<K, V> result = new scala.collection.immutable.HashMap<>();
    for (Map.Entry<K, V> e : map.entrySet()) {
      result = result.$plus(new Tuple2<>(e.getKey(), e.getValue()));
    }
    return result;
  }

  /** {@code share >= minimum}, serializable for Spark. */
  private static final class AtLeast extends AbstractFunction1<Object, Object> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final double minimum;

    AtLeast(double minimum) {
      this.minimum = minimum;
    }

    @Override
    public Object apply(Object share) {
      return ((Double) share) >= minimum;
    }
  }
}
