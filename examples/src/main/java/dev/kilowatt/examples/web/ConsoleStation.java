package dev.kilowatt.examples.web;

/** The station a web console shows and drives. Called from the web server's threads. */
public interface ConsoleStation {

  /**
   * The station as it is now.
   *
   * @return a view of the station
   * @throws IllegalStateException when it cannot say now (it is rebooting, or has no power)
   */
  StationView view();

  /**
   * Carries out one line of the simulator's console language, exactly as typed at its terminal.
   *
   * @param commandLine the line as typed, e.g. {@code plug 1}
   * @return what the console printed for it, maybe nothing
   * @throws IllegalArgumentException when the line is no command, with a message for people
   * @throws IllegalStateException when the station cannot do it now, with a message for people
   */
  String run(String commandLine);
}
