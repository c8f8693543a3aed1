package dev.kilowatt.examples;

/** Stands in for the simulator behind the launcher script: says which JVM runs it, with which options and arguments. */
final class LauncherProbe {

  private LauncherProbe() {}

  public static void main(String[] args) {
    System.out.println("feature=" + Runtime.version().feature());
    System.out.println("probe=" + System.getProperty("kilowatt.probe", "(unset)"));
    for (String arg : args) {
      System.out.println("arg=" + arg);
    }
  }
}
