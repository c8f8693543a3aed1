package dev.kilowatt.core;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kilowatt.core.port.DiagnosticsCollector;
import dev.kilowatt.core.port.FileTransfer;
import dev.kilowatt.core.port.FirmwareInstaller;
import dev.kilowatt.core.port.HeldFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fakes of the file ports for domain tests: they record what the domain asked for and let the test decide
 * when and how each request ends. Outcomes arrive the way adapters deliver them, off the event loop, so
 * the test runs the loop afterwards.
 */
public final class FakeFiles {

  private FakeFiles() {}

  /** A file of the test's temporary directory, as the file transfer adapter holds one. */
  public record DiskFile(Path path) implements HeldFile {
    @Override
    public String name() {
      return path.toString();
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

    @Override
    public void discard() {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public static final class FakeTransfer implements FileTransfer {
    public record Download(URI source, long maxBytes, Listener listener) {}

    public record Upload(Path file, URI location, Listener listener) {}

    public final Path dir;
    public final List<Download> downloads = new ArrayList<>();
    public final List<Upload> uploads = new ArrayList<>();

    public FakeTransfer(Path dir) {
      this.dir = dir;
    }

    @Override
    public List<String> protocols() {
      return List.of("FTP", "HTTP", "HTTPS");
    }

    @Override
    public void download(URI source, long maxBytes, Listener listener) {
      downloads.add(new Download(source, maxBytes, listener));
    }

    @Override
    public void upload(HeldFile file, URI location, Listener listener) {
      uploads.add(new Upload(Path.of(file.name()), location, listener));
    }

    @Override
    public HeldFile held(String name) {
      return new DiskFile(Path.of(name));
    }

    @Override
    public HeldFile keep(String fileName, byte[] content) throws IOException {
      Path file = dir.resolve(fileName);
      Files.write(file, content);
      return new DiskFile(file);
    }

    public Download lastDownload() {
      assertFalse(downloads.isEmpty(), "no download was asked for");
      return downloads.get(downloads.size() - 1);
    }

    /** The last download arrives as a file with {@code content}. */
    public Path completeDownload(String content) {
      Path file = dir.resolve("image-" + downloads.size() + ".bin");
      write(file, content);
      lastDownload().listener().onCompleted(new DiskFile(file));
      return file;
    }

    public void failDownload(String reason) {
      lastDownload().listener().onFailed(reason);
    }

    public Upload lastUpload() {
      assertFalse(uploads.isEmpty(), "no upload was asked for");
      return uploads.get(uploads.size() - 1);
    }

    public void completeUpload() {
      Upload upload = lastUpload();
      upload.listener().onCompleted(new DiskFile(upload.file()));
    }

    public void failUpload(String reason) {
      lastUpload().listener().onFailed(reason);
    }
  }

  public static final class FakeInstaller implements FirmwareInstaller {
    public record Installation(Path image, Listener listener) {}

    public final List<Installation> installations = new ArrayList<>();

    @Override
    public long maxImageBytes() {
      return 1 << 20;
    }

    @Override
    public void install(HeldFile image, Listener listener) {
      installations.add(new Installation(Path.of(image.name()), listener));
    }

    public Installation last() {
      assertFalse(installations.isEmpty(), "nothing was installed");
      return installations.get(installations.size() - 1);
    }

    public void succeed(boolean rebootRequired) {
      last().listener().onInstalled(rebootRequired);
    }

    public void fail(String reason) {
      last().listener().onFailed(reason);
    }
  }

  public static final class FakeCollector implements DiagnosticsCollector {
    public record Collection(Request request, Listener listener) {}

    public final Path dir;
    public final List<Collection> collections = new ArrayList<>();

    public FakeCollector(Path dir) {
      this.dir = dir;
    }

    @Override
    public void collect(Request request, Listener listener) {
      collections.add(new Collection(request, listener));
    }

    public Collection last() {
      assertFalse(collections.isEmpty(), "nothing was collected");
      return collections.get(collections.size() - 1);
    }

    public Path finish() {
      Collection last = last();
      Path archive = dir.resolve(last.request().fileName());
      write(archive, "diagnostics");
      last.listener().onCollected(new DiskFile(archive));
      return archive;
    }

    public void fail(String reason) {
      last().listener().onFailed(reason);
    }
  }

  public static void write(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
