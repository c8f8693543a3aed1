package dev.kilowatt.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchOptionsTest {

  @TempDir
  Path dir;

  @Test
  void defaultsAreTheIssuesFiveRounds() {
    BenchOptions options = BenchOptions.parse();
    assertEquals(5, options.rounds());
    assertEquals(Path.of("examples/target/kilowatt-simulator.jar"), options.jar());
    assertEquals(Optional.empty(), options.jvmOptions());
    assertEquals(1000, options.calls());
    assertEquals(Path.of("bench/node"), options.echoDir());
  }

  @Test
  void readsEveryOption() {
    BenchOptions options = BenchOptions.parse("--rounds", "1", "--jar", "x.jar", "--jvm-opts", " -Xmx16m  -XX:+UseSerialGC ",
        "--no-aot", "--calls", "10", "--sessions", "2", "--flood", "300", "--echo-dir", "e");
    assertEquals(new BenchOptions(1, Path.of("x.jar"), Optional.of(List.of("-Xmx16m", "-XX:+UseSerialGC")), false, 10, 2,
        300, Path.of("e")), options);
  }

  @Test
  void badInputIsRefusedWithTheOptionNamed() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--rounds", "0"))
        .getMessage().contains("--rounds"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--flood", "many"))
        .getMessage().contains("--flood"));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--calls"));
    assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--fast", "yes"));
  }

  @Test
  void theSimulatorGetsTheProfileNextToTheJarUnlessJvmOptsOverride() throws Exception {
    Path jar = Files.createFile(dir.resolve("kilowatt-simulator.jar"));
    Files.writeString(dir.resolve(JvmOptionsFile.NAME), "# profile\n-Xmx16m\n\n  -XX:+UseSerialGC\n");
    assertEquals(List.of("-Xmx16m", "-XX:+UseSerialGC"), BenchOptions.parse("--jar", jar.toString()).simulatorJvmOptions());
    assertEquals(List.of("-Xint"),
        BenchOptions.parse("--jar", jar.toString(), "--jvm-opts", "-Xint").simulatorJvmOptions());
  }

  @Test
  void theAotCacheIsUsedOnlyOnTheJdkThatMadeItAndOnlyForTheJarItWasMadeFrom() throws Exception {
    Path jar = Files.createFile(dir.resolve("kilowatt-simulator.jar"));
    assertEquals(List.of(), BenchOptions.parse("--jar", jar.toString()).aotCache().options());
    Path cache = Files.createFile(dir.resolve("kilowatt.aot"));
    // a cache without the record of the JDK that made it is of unknown origin: the launcher ignores it too
    assertEquals(List.of(), BenchOptions.parse("--jar", jar.toString()).aotCache().options());

    Path recorded = Files.writeString(dir.resolve("kilowatt.aot.jdk"), "/opt/other-jdk 24.0.2+12\n");
    BenchOptions options = BenchOptions.parse("--jar", jar.toString());
    assertEquals(List.of(), options.aotCache().options());
    if (Runtime.version().feature() >= 24) {
      assertTrue(options.aotCache().verdict().contains("made by /opt/other-jdk 24.0.2+12"), options.aotCache().verdict());
    }

    Files.writeString(recorded, AotCache.thisJdk() + "\n");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(1_000_000));
    Files.setLastModifiedTime(cache, FileTime.fromMillis(2_000_000));
    List<String> expected = Runtime.version().feature() >= 24
        ? List.of("-XX:AOTMode=on", "-XX:AOTCache=" + cache.toAbsolutePath())
        : List.of();
    assertEquals(expected, BenchOptions.parse("--jar", jar.toString()).aotCache().options());
    assertEquals(List.of(), BenchOptions.parse("--jar", jar.toString(), "--no-aot").aotCache().options());

    Files.setLastModifiedTime(jar, FileTime.fromMillis(3_000_000));
    assertEquals(List.of(), BenchOptions.parse("--jar", jar.toString()).aotCache().options());
  }
}
