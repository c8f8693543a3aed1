package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script the build puts next to kilowatt-simulator.jar, as kilowatt-simulator and as
 * kilowatt-charger, run the way the README runs it: with no JAVA_HOME and only the system's default java on
 * PATH, which may be older than 21.
 */
class LauncherTest {

  private static final Path DIST = Path.of("src/main/dist");

  @TempDir
  Path target;

  @Test
  void runsTheJarOnAJdkOf21OrNewerWithTheOptionsFileAndTheArguments() throws Exception {
    Files.copy(DIST.resolve("kilowatt-simulator"), target.resolve("kilowatt-simulator"));
    Files.writeString(target.resolve("kilowatt.jvm.options"), Files.readString(DIST.resolve("kilowatt.jvm.options"))
        + "-Dkilowatt.probe=from-the-options-file # a comment\n");
    probeJar(target.resolve("kilowatt-simulator.jar"));

    List<String> out = run(Map.of("PATH", "/usr/bin:/bin"), "--id", "two words");

    int feature = Integer.parseInt(out.get(0).substring("feature=".length()));
    assertTrue(feature >= 21, "the launcher found a JDK >= 21 by itself: " + out);
    assertEquals(List.of("probe=from-the-options-file", "arg=--id", "arg=two words"), out.subList(1, out.size()));
  }

  @Test
  void theShippedOptionsFileHoldsNoOption() throws Exception {
    Files.copy(DIST.resolve("kilowatt-simulator"), target.resolve("kilowatt-simulator"));
    Files.copy(DIST.resolve("kilowatt.jvm.options"), target.resolve("kilowatt.jvm.options"));
    probeJar(target.resolve("kilowatt-simulator.jar"));

    assertEquals("probe=(unset)", run(Map.of("PATH", "/usr/bin:/bin")).get(1));
  }

  @Test
  void aMissingJarIsNamed() throws Exception {
    Files.copy(DIST.resolve("kilowatt-simulator"), target.resolve("kilowatt-simulator"));
    Process process = launcher(Map.of("PATH", "/usr/bin:/bin")).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, process.waitFor());
    assertTrue(output.contains("kilowatt-simulator.jar is missing"), output);
  }

  @Test
  void aTrainingRunOnJava24OrNewerMakesTheCacheWithTheOptionsAndWritesDownTheJdk() throws Exception {
    distribution();
    Path jdk = fakeJdk("25", "25.0.3+9-LTS");

    List<String> out = run(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", jdk.toString(), "KILOWATT_AOT_TRAINING", "1"));

    assertEquals(List.of("@" + target.resolve("kilowatt.jvm.options"), "-XX:AOTCacheOutput=" + cache(), "-jar", jar()),
        out);
    assertTrue(Files.exists(cache()));
    assertEquals(jdk + " 25.0.3+9-LTS\n", Files.readString(target.resolve("kilowatt.aot.jdk")));
  }

  @Test
  void aTrainingRunOnAJdkOlderThan24MakesNoCacheAndRemovesAnOldOne() throws Exception {
    distribution();
    Files.writeString(cache(), "an old cache");
    Files.writeString(target.resolve("kilowatt.aot.jdk"), "/somewhere 25.0.1\n");
    Path jdk = fakeJdk("21", "21.0.9+10-LTS");

    Process process = launcher(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", jdk.toString(), "KILOWATT_AOT_TRAINING", "1"))
        .start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertEquals(0, process.waitFor(), err);
    assertEquals("", out, "the JVM did not run");
    assertTrue(err.contains("no AOT cache made: " + jdk.resolve("bin/java") + " is Java 21, the cache needs 24 or newer"),
        err);
    assertFalse(Files.exists(cache()));
    assertFalse(Files.exists(target.resolve("kilowatt.aot.jdk")));
  }

  @Test
  void theCacheIsUsedOnlyOnTheJdkThatMadeItAndForTheJarItWasMadeFor() throws Exception {
    distribution();
    Path jdk = fakeJdk("25", "25.0.3+9-LTS");
    Map<String, String> environment = Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", jdk.toString());
    run(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", jdk.toString(), "KILOWATT_AOT_TRAINING", "1"));
    List<String> withCache = List.of("@" + target.resolve("kilowatt.jvm.options"), "-XX:AOTCache=" + cache(), "-jar", jar(),
        "--id", "cp");
    List<String> withoutCache = List.of("@" + target.resolve("kilowatt.jvm.options"), "-jar", jar(), "--id", "cp");

    assertEquals(withCache, run(environment, "--id", "cp"), "made by this JDK for this jar");

    Path sameVersionElsewhere = fakeJdk("25", "25.0.3+9-LTS");
    assertEquals(withoutCache, run(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", sameVersionElsewhere.toString()), "--id", "cp"),
        "another JDK of the same version");
    Path update = fakeJdkAt(jdk, "25", "25.0.4+7-LTS");
    assertEquals(withoutCache, run(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", update.toString()), "--id", "cp"),
        "the JDK was updated in place");
    fakeJdkAt(jdk, "25", "25.0.3+9-LTS");

    Files.setLastModifiedTime(target.resolve("kilowatt-simulator.jar"),
        FileTime.fromMillis(Files.getLastModifiedTime(cache()).toMillis() + 2_000));
    assertEquals(withoutCache, run(environment, "--id", "cp"), "the jar is newer than the cache");
    Files.setLastModifiedTime(target.resolve("kilowatt-simulator.jar"), Files.getLastModifiedTime(cache()));
    assertEquals(withCache, run(environment, "--id", "cp"), "a copy that kept the times");

    Files.delete(target.resolve("kilowatt.aot.jdk"));
    assertEquals(withoutCache, run(environment, "--id", "cp"), "nobody wrote down which JDK made the cache");
  }

  @Test
  void onARealJdkOf24OrNewerTheTrainedCacheIsTakenWithoutAWord() throws Exception {
    assumeTrue(Runtime.version().feature() >= 24, "the JDK running the tests makes no AOT cache");
    distribution();
    probeJar(target.resolve("kilowatt-simulator.jar"));
    Map<String, String> environment = Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", System.getProperty("java.home"));
    Map<String, String> training = new java.util.HashMap<>(environment);
    training.put("KILOWATT_AOT_TRAINING", "1");
    run(training);
    assertTrue(Files.size(cache()) > 0, "the JVM wrote the cache");

    List<String> out = run(environment, "--id", "cp");

    assertEquals(List.of("probe=(unset)", "arg=--id", "arg=cp", "aot=" + cache()), out.subList(1, out.size()),
        "the probe's lines and nothing from the JVM about the cache");
  }

  @Test
  void aJdkWithAReleaseFileIsKnownByItWithoutStartingItsJava() throws Exception {
    distribution();
    // the java itself would claim 8, so only the release file can make the launcher take it
    Path jdk = fakeJdk("8", "1.8.0_452-b09");
    Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Someone\"\nJAVA_RUNTIME_VERSION=\"25.0.3+9-LTS\"\n"
        + "JAVA_VERSION=\"25.0.3\"\n");

    run(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", jdk.toString(), "KILOWATT_AOT_TRAINING", "1"));

    assertEquals(jdk.toRealPath() + " 25.0.3+9-LTS\n", Files.readString(target.resolve("kilowatt.aot.jdk")));
  }

  @Test
  void asKilowattChargerItRunsTheBoardsChargerOnAJdkOf21OrNewerWithTheOptionsFile() throws Exception {
    Files.copy(DIST.resolve("kilowatt-simulator"), target.resolve("kilowatt-charger"));
    Files.writeString(target.resolve("kilowatt.jvm.options"), "-Dkilowatt.probe=from-the-options-file\n");
    boardProbeJar(target.resolve("kilowatt-simulator.jar"));

    List<String> out = run("kilowatt-charger", Map.of("PATH", "/usr/bin:/bin"), "raspberry-pi", "--id", "two words");

    int feature = Integer.parseInt(out.get(0).substring("feature=".length()));
    assertTrue(feature >= 21, "the launcher found a JDK >= 21 by itself: " + out);
    assertEquals(List.of("probe=from-the-options-file", "arg=--id", "arg=two words"), out.subList(1, out.size()));
  }

  @Test
  void asKilowattChargerItNamesTheBoardsMainClassAndTakesNoAotCache() throws Exception {
    distribution();
    Files.copy(DIST.resolve("kilowatt-simulator"), target.resolve("kilowatt-charger"));
    Path jdk = fakeJdk("25", "25.0.3+9-LTS");
    run(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", jdk.toString(), "KILOWATT_AOT_TRAINING", "1"));
    Map<String, String> environment = Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", jdk.toString());

    assertEquals(List.of("@" + target.resolve("kilowatt.jvm.options"), "-cp", jar(), "dev.kilowatt.examples.SerialBoardCharger",
        "--help"), run("kilowatt-charger", environment, "serial-board", "--help"));
    assertEquals(List.of("@" + target.resolve("kilowatt.jvm.options"), "-cp", jar(), "dev.kilowatt.examples.RaspberryPiCharger"),
        run("kilowatt-charger", environment, "raspberry-pi"));
  }

  @Test
  void asKilowattChargerItAsksForAKnownBoardFirst() throws Exception {
    Files.copy(DIST.resolve("kilowatt-simulator"), target.resolve("kilowatt-charger"));
    // no jar either: a board asked for first is answered before the launcher looks for a JDK and the jar
    Map<String, String> noJdk = Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", "/nonexistent");
    String help = String.join("\n", run("kilowatt-charger", noJdk, "--help"));
    assertTrue(help.startsWith("Usage: kilowatt-charger BOARD [OPTIONS]") && help.contains("raspberry-pi") && help.contains("serial-board"),
        help);
    for (List<String> args : List.of(List.<String>of(), List.of("beaglebone", "--id", "cp"))) {
      Process process = launcher("kilowatt-charger", noJdk, args.toArray(String[]::new)).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(2, process.waitFor(), output);
      assertTrue(output.startsWith("kilowatt-charger: " + (args.isEmpty() ? "which board?" : "unknown board 'beaglebone'")), output);
    }
  }

  /** A jar whose RaspberryPiCharger is a stand-in that hands over to the probe. */
  private static void boardProbeJar(Path jar) throws IOException {
    Path sources = Files.createTempDirectory(jar.getParent(), "board-probe-");
    Path source = Files.createDirectories(sources.resolve("dev/kilowatt/examples")).resolve("RaspberryPiCharger.java");
    Files.writeString(source, """
        package dev.kilowatt.examples;
        public final class RaspberryPiCharger {
          public static void main(String[] args) {
            LauncherProbe.main(args);
          }
        }
        """);
    String probeClasses;
    try {
      probeClasses = Path.of(LauncherProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    int status = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "21", "-cp", probeClasses,
        "-d", sources.toString(), source.toString());
    assertEquals(0, status, "the stand-in compiles");
    probeJar(jar);
    try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(jar)) {
      String entry = "dev/kilowatt/examples/RaspberryPiCharger.class";
      Files.copy(sources.resolve(entry), zip.getPath(entry));
    }
  }

  /** The launcher and the shipped options file in {@link #target}, with a jar that is not run. */
  private void distribution() throws IOException {
    Files.copy(DIST.resolve("kilowatt-simulator"), target.resolve("kilowatt-simulator"));
    Files.copy(DIST.resolve("kilowatt.jvm.options"), target.resolve("kilowatt.jvm.options"));
    Files.writeString(target.resolve("kilowatt-simulator.jar"), "not run: the JDK is a stand-in");
  }

  private Path cache() {
    return target.resolve("kilowatt.aot");
  }

  private String jar() {
    return target.resolve("kilowatt-simulator.jar").toString();
  }

  /** A new stand-in JDK: its java answers the launcher's question for settings, and else prints its arguments. */
  private Path fakeJdk(String feature, String runtimeVersion) throws IOException {
    return fakeJdkAt(Files.createTempDirectory(target, "jdk-"), feature, runtimeVersion);
  }

  private static Path fakeJdkAt(Path home, String feature, String runtimeVersion) throws IOException {
    Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    Files.writeString(java, """
        #!/bin/sh
        if [ "$1" = -XshowSettings:properties ]; then
          printf '    java.home = %s\n    java.runtime.version = %s\n    java.specification.version = %s\n' \
            "$(cd "$(dirname "$0")/.." && pwd)" RUNTIME FEATURE >&2
          exit 0
        fi
        for arg; do
          case "$arg" in -XX:AOTCacheOutput=*) printf 'cache' >"${arg#-XX:AOTCacheOutput=}" ;; esac
          printf '%s\n' "$arg"
        done
        """.replace("RUNTIME", runtimeVersion).replace("FEATURE", feature));
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    return home;
  }

  private ProcessBuilder launcher(Map<String, String> environment, String... args) {
    return launcher("kilowatt-simulator", environment, args);
  }

  /** The launcher under {@code name}, which decides what it runs. */
  private ProcessBuilder launcher(String name, Map<String, String> environment, String... args) {
    ProcessBuilder builder = new ProcessBuilder();
    builder.command().addAll(List.of("/bin/sh", target.resolve(name).toString()));
    builder.command().addAll(List.of(args));
    builder.environment().remove("JAVA_HOME");
    builder.environment().putAll(environment);
    return builder;
  }

  private List<String> run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
    return run("kilowatt-simulator", environment, args);
  }

  private List<String> run(String name, Map<String, String> environment, String... args) throws IOException, InterruptedException {
    Process process = launcher(name, environment, args).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    assertEquals(0, process.waitFor(), lines.toString());
    return lines;
  }

  /** A jar whose main class is the probe, in place of the simulator's. */
  private static void probeJar(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
    String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream classFile = LauncherProbe.class.getResourceAsStream("/" + entry)) {
      out.putNextEntry(new JarEntry(entry));
      classFile.transferTo(out);
      out.closeEntry();
    }
  }
}
