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
 * One writer at a time per warehouse: an operating-system file lock on {@code
 * WAREHOUSE/_system/ingest.lock}. The lock dies with its process, so a killed run never leaves the
 * warehouse locked, and holding it proves that any run the job repository still shows as running is
 * dead. A second run either waits for the lock or fails cleanly, naming the holder.
 */
public final class WarehouseLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private WarehouseLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock, waiting up to {@code wait} for another run to finish.
   *
   * @throws DrpUserException when another run holds it beyond the wait
   */
  public static WarehouseLock acquire(URI warehouse, Duration wait) {
    if (!"file".equals(warehouse.getScheme())) {
      throw new DrpUserException(warehouse.toString(),
          "ingest into a non-local warehouse needs the PostgreSQL job repository lock, which is not built yet",
          "ingest into a file: warehouse for now");
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
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot release the warehouse lock", e);
    }
  }
}
