package dev.kilowatt.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** What {@code --version} prints: the project version the build wrote into the jar, and the JVM it runs on. */
final class KilowattVersion implements IVersionProvider {

  /** The version of the Kilowatt build this class belongs to, e.g. {@code 0.2.0}. */
  static String project() {
    try (InputStream in = KilowattVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the jar: a broken build");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read version.properties", e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"Kilowatt " + project(), "JVM: " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
  }
}
