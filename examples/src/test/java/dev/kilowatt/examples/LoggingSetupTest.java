package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The runnable chargers' logging: every line, the core's included, reaches one real SLF4J backend. */
class LoggingSetupTest {

  @Test
  void theCoresSystemLoggerWritesToSlf4j() {
    assertEquals("org.slf4j.jdk.platform.logging.SLF4JSystemLoggerFinder", System.LoggerFinder.getLoggerFinder().getClass().getName(),
        "slf4j-jdk-platform-logging, brought by kilowatt-ocpp, routes System.Logger to SLF4J");
  }

  @Test
  void theBackendIsSlf4jSimpleNotTheNoOperationOne() {
    assertEquals("org.slf4j.simple.SimpleLoggerFactory", LoggerFactory.getILoggerFactory().getClass().getName());
  }

  @Test
  void theJarsConfigurationLogsInfoAndUpOnStandardError() throws IOException {
    Properties main = new Properties();
    try (InputStream in = Files.newInputStream(Path.of("src/main/resources/simplelogger.properties"))) {
      main.load(in);
    }
    assertEquals("info", main.getProperty("org.slf4j.simpleLogger.defaultLogLevel"), "an ordinary start shows at INFO");
    assertEquals("System.err", main.getProperty("org.slf4j.simpleLogger.logFile"), "standard output is the OCPP traffic");
  }
}
