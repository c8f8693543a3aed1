package dev.kilowatt.transfer;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.kilowatt.core.port.FileTransfer;
import dev.kilowatt.core.port.HeldFile;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Records how one transfer went; {@link #file()} and {@link #failure()} wait for the end, at most ten seconds. */
final class Outcome implements FileTransfer.Listener {

  final List<Long> progress = new CopyOnWriteArrayList<>();
  final List<OptionalLong> totals = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Object> end = new CompletableFuture<>();

  @Override
  public void onProgress(long transferredBytes, OptionalLong totalBytes) {
    progress.add(transferredBytes);
    totals.add(totalBytes);
  }

  @Override
  public void onCompleted(HeldFile file) {
    end.complete(Path.of(file.name()));
  }

  @Override
  public void onFailed(String reason) {
    end.complete(new Failure(reason));
  }

  record Failure(String reason) {}

  /** Starts downloading {@code source} with {@code transfer}; the outcome follows how it goes. */
  static Outcome download(FileTransfer transfer, URI source, long maxBytes) {
    Outcome outcome = new Outcome();
    transfer.download(source, maxBytes, outcome);
    return outcome;
  }

  /** Starts uploading {@code file} to {@code location} with {@code transfer}; the outcome follows how it goes. */
  static Outcome upload(FileTransfer transfer, Path file, URI location) {
    Outcome outcome = new Outcome();
    transfer.upload(transfer.held(file.toString()), location, outcome);
    return outcome;
  }

  Object await() throws Exception {
    return end.get(10, TimeUnit.SECONDS);
  }

  Path file() throws Exception {
    return assertInstanceOf(Path.class, await(), "the transfer should have succeeded");
  }

  String failure() throws Exception {
    return assertInstanceOf(Failure.class, await(), "the transfer should have failed").reason();
  }
}
