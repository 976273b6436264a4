package org.drpwarehouse.app.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code drp --version}: the jar's implementation version. */
final class DrpVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = DrpVersion.class.getPackage().getImplementationVersion();
    return new String[] {"drp " + (version == null ? "development build" : version)};
  }
}
