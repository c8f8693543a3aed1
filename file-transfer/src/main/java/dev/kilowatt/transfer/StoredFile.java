package dev.kilowatt.transfer;

import dev.kilowatt.core.port.HeldFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A file this module keeps on the charge point's disk: a downloaded image, a diagnostics archive, a written log. */
record StoredFile(Path path) implements HeldFile {

  private static final Logger LOG = LoggerFactory.getLogger(StoredFile.class);

  /** The absolute path, so that the name saved before a reboot finds the file whatever the working directory. */
  @Override
  public String name() {
    return path.toAbsolutePath().toString();
  }

  @Override
  public String fileName() {
    return path.getFileName().toString();
  }

  @Override
  public boolean exists() {
    return Files.isRegularFile(path);
  }

  @Override
  public long size() throws IOException {
    return Files.size(path);
  }

  @Override
  public InputStream open() throws IOException {
    return Files.newInputStream(path);
  }

  /** A file that cannot be removed is logged and left: a full disk is the cleaner's, not the update's, failure. */
  @Override
  public void discard() {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      LOG.warn("could not delete " + path, e);
    }
  }
}
