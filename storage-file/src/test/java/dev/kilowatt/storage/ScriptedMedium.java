package dev.kilowatt.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real files whose flushes a test scripts: each {@code force} first runs {@link #beforeFlush}, which may
 * throw (a failing medium) or take its time (slow flash). Counts the flushes.
 */
final class ScriptedMedium implements JournalWriter.Medium {

  /** What happens before a flush reaches the medium. */
  interface Flush {
    void run() throws IOException;
  }

  private final AtomicInteger flushes = new AtomicInteger();
  private volatile Flush beforeFlush = () -> {};

  void beforeFlush(Flush flush) {
    beforeFlush = flush;
  }

  int flushes() {
    return flushes.get();
  }

  @Override
  public FileChannel open(Path file, Set<? extends OpenOption> options, FileAttribute<?>... attributes)
      throws IOException {
    return new Channel(FileChannel.open(file, options, attributes));
  }

  private final class Channel extends FileChannel {

    private final FileChannel file;

    Channel(FileChannel file) {
      this.file = file;
    }

    @Override
    public void force(boolean metaData) throws IOException {
      beforeFlush.run();
      file.force(metaData);
      flushes.incrementAndGet();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
      return file.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
      return file.read(dsts, offset, length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
      return file.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
      return file.write(srcs, offset, length);
    }

    @Override
    public long position() throws IOException {
      return file.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
      file.position(newPosition);
      return this;
    }

    @Override
    public long size() throws IOException {
      return file.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
      file.truncate(size);
      return this;
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
      return file.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
      return file.transferFrom(src, position, count);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return file.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
      return file.write(src, position);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
      return file.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
      return file.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
      return file.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
      file.close();
    }
  }
}
