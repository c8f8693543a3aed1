package dev.kilowatt.storage;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * A factory configuration file: a Java properties file in UTF-8, one {@code Key=value} a line, {@code #}
 * for comments. Which keys exist and which values they take is checked when the charge point is built.
 */
public final class FactoryConfigurationFile {

  private FactoryConfigurationFile() {}

  /**
   * The values a file gives, by key. Blanks at the end of a value are dropped: nobody can see them, and a
   * canonical integer or boolean has none.
   *
   * @param file a properties file of configuration keys and their factory values
   * @return the values by configuration key, in the order the file gives them
   * @throws UncheckedIOException naming the file when it cannot be read
   * @throws IllegalArgumentException naming the file and the key when a key is given twice, in the same case
   *     or not (key names are CiStrings), which would otherwise silently keep one of them
   */
  public static Map<String, String> read(Path file) {
    Map<String, String> values = new LinkedHashMap<>();
    Set<String> given = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    Set<String> repeated = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    Properties lines = new Properties() {
      @Override
      public synchronized Object put(Object key, Object value) {
        if (given.add((String) key)) {
          values.put((String) key, ((String) value).stripTrailing());
        } else {
          repeated.add((String) key);
        }
        return null;
      }
    };
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      lines.load(in);
    } catch (IOException e) {
      String why = switch (e) {
        case NoSuchFileException missing -> "no such file";
        case AccessDeniedException denied -> "permission denied";
        default -> e.getMessage();
      };
      throw new UncheckedIOException("cannot read the factory configuration " + file + ": " + why, e);
    } catch (IllegalArgumentException e) {
      // Properties' only complaint: a malformed backslash-u escape
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    if (!repeated.isEmpty()) {
      throw new IllegalArgumentException(file + ": given more than once: " + String.join(", ", repeated));
    }
    return values;
  }
}
