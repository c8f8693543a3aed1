package dev.kilowatt.examples;

/** Stands in for the simulator behind the launcher script: says which JVM runs it, with which options, arguments and AOT cache. */
final class LauncherProbe {

  private LauncherProbe() {}

  public static void main(String[] args) {
    System.out.println("feature=" + Runtime.version().feature());
    System.out.println("probe=" + System.getProperty("kilowatt.probe", "(unset)"));
    for (String arg : args) {
      System.out.println("arg=" + arg);
    }
    java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(option -> option.startsWith("-XX:AOTCache=")).forEach(option -> System.out.println("aot=" + option.substring(13)));
  }
}
