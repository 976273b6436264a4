package org.drpwarehouse.transforms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.drpwarehouse.schemas.DrpUserException;

/**
 * Independent Spark work run side by side, each from its own driver thread: the writes of tables
 * that do not read each other, or the look-ups a build starts with. One job's planning, Delta log
 * reading and commit then overlap another's tasks instead of leaving the executors idle. Spark
 * schedules the jobs of every thread on the same executors; a Delta commit touches one table only,
 * so writes to different tables never conflict.
 *
 * <p>How many run at a time is the Spark setting {@value #LANES_SETTING} (default {@value
 * #DEFAULT_LANES}; 1 runs them one after another in the calling thread). Every job runs to its end
 * even when another fails; the first failure (in the order given) is then rethrown, naming its job
 * (a {@link DrpUserException}, which names what the user must fix, as it is).
 * Results come back in the order given, each with its own wall-clock seconds. Each job's Spark jobs
 * carry its name as their description (the Spark UI and event log show {@code mart_themes}, not
 * only a call site).
 */
final class ConcurrentJobs {
  /** The Spark setting of how many jobs run at a time. */
  static final String LANES_SETTING = "spark.drp.transform.concurrentJobs";

  static final int DEFAULT_LANES = 4;

  /** What one job returned, and how long it took from its start to its end. */
  record Done<T>(T value, double seconds) {}

  /** Spark's local property behind {@code SparkContext.setJobDescription}. */
  private static final String JOB_DESCRIPTION = "spark.job.description";

  private final int lanes;
  private final SparkContext context;

  ConcurrentJobs(int lanes) {
    this(lanes, null);
  }

  /** With a Spark context, each job's Spark jobs are described by the job's name. */
  ConcurrentJobs(int lanes, SparkContext context) {
    this.context = context;
    if (lanes < 1) {
      throw new IllegalArgumentException(
          "Cannot run " + lanes + " jobs at a time: " + LANES_SETTING + " must be 1 or more");
    }
    this.lanes = lanes;
  }

  /** The number of lanes the session's {@value #LANES_SETTING} asks for. */
  static ConcurrentJobs of(SparkSession spark) {
    String text = spark.conf().get(LANES_SETTING, String.valueOf(DEFAULT_LANES));
    try {
      return new ConcurrentJobs(Integer.parseInt(text.trim()), spark.sparkContext());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Cannot read " + LANES_SETTING + "='" + text + "': give a whole number of jobs to run at a time, e.g. 4", e);
    }
  }

  int lanes() {
    return lanes;
  }

  /**
   * Runs every job, at most {@link #lanes()} at a time, and returns what each returned, by name in
   * the order given.
   *
   * @param jobs by name ("mart_themes", "last build"), as the failure names them
   * @throws IllegalStateException naming the first job (in the order given) that failed, with its
   *     failure as the cause
   */
  <T> Map<String, Done<T>> run(Map<String, Callable<T>> jobs) {
    if (lanes == 1 || jobs.size() <= 1) {
      Map<String, Done<T>> done = new LinkedHashMap<>();
      jobs.forEach((name, job) -> done.put(name, timed(name, job)));
      return done;
    }
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(lanes, jobs.size()), task -> {
      Thread thread = new Thread(task, "drp-job-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<String> names = new ArrayList<>(jobs.keySet());
      List<Future<Done<T>>> futures = new ArrayList<>();
      for (String name : names) {
        Callable<T> job = jobs.get(name);
        futures.add(pool.submit(() -> timed(name, job)));
      }
      Map<String, Done<T>> done = new LinkedHashMap<>();
      RuntimeException first = null;
      for (int i = 0; i < names.size(); i++) {
        try {
          done.put(names.get(i), futures.get(i).get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof Error error) {
            throw error;
          }
          if (first == null) {
            first = (RuntimeException) e.getCause();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while running " + names.get(i), e);
        }
      }
      if (first != null) {
        throw first;
      }
      return done;
    } finally {
      pool.shutdownNow();
    }
  }

  private <T> Done<T> timed(String name, Callable<T> job) {
    String previous = context == null ? null : context.getLocalProperty(JOB_DESCRIPTION);
    if (context != null) {
      context.setLocalProperty(JOB_DESCRIPTION, name);
    }
    long start = System.nanoTime();
    try {
      return new Done<>(job.call(), (System.nanoTime() - start) / 1e9);
    } catch (DrpUserException e) {
      throw e; // already names the record, the rule and the fix, for the command line to print as is
    } catch (Exception e) {
      throw new IllegalStateException(name + " failed: " + e.getMessage(), e);
    } finally {
      if (context != null) {
        context.setLocalProperty(JOB_DESCRIPTION, previous);
      }
    }
  }
}
