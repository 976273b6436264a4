package org.drpwarehouse.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every source record contract the warehouse accepts. */
public final class Contracts {
  private Contracts() {}

  public static List<RecordSpec> all() {
    List<RecordSpec> all = new ArrayList<>(Ssda903.ALL);
    all.addAll(ExchangeFormat.ALL);
    return List.copyOf(all);
  }

  /** Finds a contract by its record name ({@code disputes}, {@code header}, ...). */
  public static Optional<RecordSpec> byName(String name) {
    return all().stream().filter(spec -> spec.name().equals(name)).findFirst();
  }
}
