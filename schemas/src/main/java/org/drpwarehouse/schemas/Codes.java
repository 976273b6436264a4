package org.drpwarehouse.schemas;

import java.util.Arrays;
import java.util.List;

/** Turns a Java enum into the code list a contract column allows. */
public final class Codes {
  private Codes() {}

  public static List<String> of(Class<? extends Enum<?>> type) {
    return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
  }
}
