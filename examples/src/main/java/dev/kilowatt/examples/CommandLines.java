package dev.kilowatt.examples;

import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** How every entry point reads its command line, so they all answer help, versions and mistakes alike. */
final class CommandLines {

  private CommandLines() {}

  /** Wide enough for the console commands' table in the simulator's help. */
  static final int USAGE_WIDTH = 110;

  /** A command line for an annotated command object: options may not be repeated, enum values ignore case. */
  static CommandLine of(Object command) {
    return new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).setOverwrittenOptionsAllowed(false)
        .setUsageHelpWidth(USAGE_WIDTH);
  }
}
