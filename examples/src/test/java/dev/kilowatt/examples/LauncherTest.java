package dev.kilowatt.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script the build puts next to kilowatt-simulator.jar, run the way the README runs it: with
 * no JAVA_HOME and only the system's default java on PATH, which may be older than 21.
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

  private ProcessBuilder launcher(Map<String, String> environment, String... args) {
    ProcessBuilder builder = new ProcessBuilder();
    builder.command().addAll(List.of("/bin/sh", target.resolve("kilowatt-simulator").toString()));
    builder.command().addAll(List.of(args));
    builder.environment().remove("JAVA_HOME");
    builder.environment().putAll(environment);
    return builder;
  }

  private List<String> run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
    Process process = launcher(environment, args).redirectError(ProcessBuilder.Redirect.INHERIT).start();
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
