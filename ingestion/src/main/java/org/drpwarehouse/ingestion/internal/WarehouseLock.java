package org.drpwarehouse.ingestion.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.drpwarehouse.schemas.DrpUserException;

/**
 * One writer at a time per warehouse. For a local warehouse, an operating-system file lock on {@code
 * WAREHOUSE/_system/ingest.lock}; for one on object storage, a PostgreSQL advisory lock ({@link
 * #inDatabase}). The lock dies with its process, so a killed run never leaves the
 * warehouse locked, and holding it proves that any run the job repository still shows as running is
 * dead. A second run either waits for the lock or fails cleanly, naming the holder.
 */
public final class WarehouseLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;
  private final java.sql.Connection session;
  private final long key;

  private WarehouseLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
    this.session = null;
    this.key = 0;
  }

  private WarehouseLock(java.sql.Connection session, long key) {
    this.channel = null;
    this.lock = null;
    this.session = session;
    this.key = key;
  }

  /**
   * For a warehouse on object storage ({@code s3a:}), where no file lock exists: a PostgreSQL
   * session-level advisory lock in the job repository's database, keyed by the warehouse URI. The
   * server releases it when the holder's connection drops, so a killed run never leaves it held.
   */
  public static WarehouseLock inDatabase(javax.sql.DataSource dataSource, URI warehouse, Duration wait) {
    long key = lockKey(warehouse);
    try {
      java.sql.Connection session = dataSource.getConnection();
      if (!session.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
        session.close();
        throw new DrpUserException(warehouse.toString(),
            "a warehouse that is not a local folder needs its job repository in PostgreSQL, which also holds its lock",
            "set jobrepo.url to a PostgreSQL database (jdbc:postgresql://host:5432/db)");
      }
      Instant deadline = Instant.now().plus(wait);
      while (true) {
        try (java.sql.PreparedStatement tryLock = session.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
          tryLock.setLong(1, key);
          try (java.sql.ResultSet result = tryLock.executeQuery()) {
            result.next();
            if (result.getBoolean(1)) {
              return new WarehouseLock(session, key);
            }
          }
        }
        if (Instant.now().isAfter(deadline)) {
          session.close();
          throw new DrpUserException(warehouse.toString(), "another ingest run is writing to this warehouse (it holds the"
              + " warehouse's lock in the job repository database)", "wait for it to finish, or give --wait SECONDS to queue behind it");
        }
        Thread.sleep(250);
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Cannot lock the warehouse " + warehouse + " in the job repository database", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the warehouse lock", e);
    }
  }

  /** A stable 64-bit key for a warehouse URI (the first 8 bytes of its SHA-256). */
  static long lockKey(URI warehouse) {
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("SHA-256").digest(warehouse.toString().getBytes(StandardCharsets.UTF_8));
      return java.nio.ByteBuffer.wrap(digest).getLong();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /**
   * Takes the lock, waiting up to {@code wait} for another run to finish.
   *
   * @throws DrpUserException when another run holds it beyond the wait
   */
  public static WarehouseLock acquire(URI warehouse, Duration wait) {
    if (!"file".equals(warehouse.getScheme())) {
      throw new IllegalArgumentException("A file lock needs a file: warehouse, not " + warehouse + "; use inDatabase");
    }
    Path file = Path.of(warehouse).resolve("_system").resolve("ingest.lock");
    try {
      Files.createDirectories(file.getParent());
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      Instant deadline = Instant.now().plus(wait);
      while (true) {
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException heldInThisJvm) {
          lock = null;
        }
        if (lock != null) {
          channel.truncate(0);
          channel.write(
              java.nio.ByteBuffer.wrap(
                  ("pid " + ProcessHandle.current().pid() + " since " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)));
          return new WarehouseLock(channel, lock);
        }
        if (Instant.now().isAfter(deadline)) {
          String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
          channel.close();
          throw new DrpUserException(warehouse.toString(),
              "another ingest run is writing to this warehouse (" + (holder.isEmpty() ? "holder unknown" : holder) + ")",
              "wait for it to finish, or give --wait SECONDS to queue behind it");
        }
        Thread.sleep(250);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot lock the warehouse at " + file, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the warehouse lock", e);
    }
  }

  @Override
  public void close() {
    try {
      if (session != null) {
        try (java.sql.PreparedStatement unlock = session.prepareStatement("SELECT pg_advisory_unlock(?)")) {
          unlock.setLong(1, key);
          unlock.execute();
        } finally {
          session.close();
        }
        return;
      }
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot release the warehouse lock", e);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Cannot release the warehouse lock (the server drops it with the connection)", e);
    }
  }
}
