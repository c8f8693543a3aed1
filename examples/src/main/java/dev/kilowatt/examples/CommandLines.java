package dev.kilowatt.examples;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** How every entry point reads its command line, so they all answer help, versions and mistakes alike. */
final class CommandLines {

  /** Wide enough for the console commands' table in the simulator's help. */
  static final int USAGE_WIDTH = 110;

  private CommandLines() {}

  /** A command line for an annotated command object. */
  static CommandLine of(Object command) {
    return configure(new CommandLine(command));
  }

  /**
   * Options may not be repeated and enum values ignore case. A bad value found only once the command runs
   * (a data directory that is a file, a meter model the board does not know) is answered like one found
   * while parsing: the message and the usage on standard error, exit status 2, no stack trace.
   */
  static CommandLine configure(CommandLine commandLine) {
    return commandLine.setCaseInsensitiveEnumValuesAllowed(true).setOverwrittenOptionsAllowed(false)
        .setUsageHelpWidth(USAGE_WIDTH)
        .setExecutionExceptionHandler((e, failed, parsed) -> {
          if (e instanceof ParameterException bad) {
            return failed.getParameterExceptionHandler().handleParseException(bad, parsed.originalArgs().toArray(String[]::new));
          }
          throw e;
        });
  }
}
