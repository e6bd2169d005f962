package dev.mcpusage.bootstrap.journal;

import dev.mcpusage.application.port.out.EventJournal;
import dev.mcpusage.application.port.out.JournalFullException;
import dev.mcpusage.domain.event.UsageEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapter (files): the journal as append-only segment files in {@code <data dir>/journal}, one per
 * spooled batch, each written to a temporary name, forced to disk and renamed, so a crash never
 * leaves half a batch; a checksum guards each one. Processes sharing a data dir (a server and the
 * proxies an MCP client starts) share the folder: names carry the writer's pid, so none overwrites
 * another's, and a segment another process replayed first is skipped.
 */
public final class FileEventJournal implements EventJournal {

  private static final Logger LOG = LoggerFactory.getLogger(FileEventJournal.class);
  private static final byte[] MAGIC = "MCPUJ1\n".getBytes(StandardCharsets.US_ASCII);
  private static final String SEGMENT = ".seg";
  private static final String UNFINISHED = ".tmp";
  private static final long PID = ProcessHandle.current().pid();
  // one sequence for the process: two journals on one folder in one process never share a name
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final Path directory;
  private final long maxBytes;
  private final TreeMap<String, Segment> segments = new TreeMap<>();
  private boolean loaded;

  /**
   * @param dataDir the product's data dir; segments go to its {@code journal} folder
   * @param maxBytes the most the journal may take on disk
   */
  public FileEventJournal(Path dataDir, long maxBytes) {
    this.directory = dataDir.resolve("journal");
    this.maxBytes = maxBytes;
  }

  @Override
  public synchronized void spool(List<UsageEvent> events) {
    load();
    byte[] content = encode(events);
    long size = content.length + Long.BYTES;
    if (totalBytes() + size > maxBytes) {
      throw new JournalFullException(
          "the journal in "
              + directory
              + " reached its bound of "
              + maxBytes / (1024 * 1024)
              + " MB (setting journal.max.mb)");
    }
    String name =
        String.format(
            "%013d-%d-%09d%s",
            System.currentTimeMillis(), PID, SEQUENCE.getAndIncrement(), SEGMENT);
    Path temporary = directory.resolve(name + UNFINISHED);
    try {
      Files.createDirectories(directory);
      try (FileChannel channel =
          FileChannel.open(
              temporary,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE,
              StandardOpenOption.DSYNC)) {
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        buffer.put(content).putLong(checksum(content)).flip();
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      Files.move(temporary, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the journal segment " + temporary, e);
    }
    segments.put(name, new Segment(events.size(), size));
  }

  @Override
  public synchronized Optional<SpooledBatch> oldest() {
    load();
    while (!segments.isEmpty()) {
      String name = segments.firstKey();
      try {
        return Optional.of(
            new SpooledBatch(name, decode(Files.readAllBytes(directory.resolve(name)))));
      } catch (NoSuchFileException replayedElsewhere) {
        // another process on this data dir replayed and removed it first
        segments.remove(name);
      } catch (IOException | RuntimeException e) {
        quarantine(name, e);
      }
    }
    return Optional.empty();
  }

  @Override
  public synchronized void remove(SpooledBatch batch) {
    try {
      Files.deleteIfExists(directory.resolve(batch.id()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the journal segment " + batch.id(), e);
    }
    segments.remove(batch.id());
  }

  @Override
  public synchronized long pendingEvents() {
    load();
    return segments.values().stream().mapToLong(Segment::events).sum();
  }

  @Override
  public synchronized long sizeBytes() {
    load();
    return totalBytes();
  }

  private long totalBytes() {
    return segments.values().stream().mapToLong(Segment::bytes).sum();
  }

  private void load() {
    if (loaded) {
      return;
    }
    loaded = true;
    if (!Files.isDirectory(directory)) {
      return;
    }
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        String name = file.getFileName().toString();
        try {
          if (name.endsWith(SEGMENT)) {
            segments.put(name, new Segment(countIn(file), Files.size(file)));
          } else if (name.endsWith(UNFINISHED) && !writtenByAnotherLiveProcess(name)) {
            // a batch whose spool did not finish was never acknowledged as spooled: still in memory
            Files.deleteIfExists(file);
          }
        } catch (NoSuchFileException replayedElsewhere) {
          // another process on this data dir replayed and removed it while we listed
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the journal in " + directory, e);
    }
    if (!segments.isEmpty()) {
      LOG.info(
          "journal: {} events in {} segments from an earlier run will be replayed",
          pendingEvents(),
          segments.size());
    }
  }

  /** True when the name's pid is another process still running: it is writing the file now. */
  private static boolean writtenByAnotherLiveProcess(String name) {
    String[] parts = name.split("-");
    if (parts.length != 3) {
      return false; // named before segments carried the pid
    }
    try {
      long pid = Long.parseLong(parts[1]);
      return pid != PID && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static int countIn(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] header = in.readNBytes(MAGIC.length + Integer.BYTES);
      if (header.length < MAGIC.length + Integer.BYTES) {
        return 0;
      }
      return ByteBuffer.wrap(header, MAGIC.length, Integer.BYTES).getInt();
    }
  }

  private void quarantine(String name, Exception cause) {
    Segment segment = segments.remove(name);
    Path corrupt = directory.resolve(name + ".corrupt");
    try {
      Files.move(directory.resolve(name), corrupt, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      LOG.error("journal: cannot move the unreadable segment {} aside: {}", name, e.getMessage());
    }
    LOG.error(
        "journal: segment {} ({} events) is unreadable and was moved to {}: {}",
        name,
        segment.events(),
        corrupt,
        cause.getMessage());
  }

  private static byte[] encode(List<UsageEvent> events) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(events.size() * 256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.write(MAGIC);
      out.writeInt(events.size());
      for (UsageEvent event : events) {
        UsageEventCodec.write(event, out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static List<UsageEvent> decode(byte[] file) throws IOException {
    if (file.length < MAGIC.length + Integer.BYTES + Long.BYTES
        || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
      throw new IOException("not a journal segment");
    }
    int contentLength = file.length - Long.BYTES;
    byte[] content = Arrays.copyOf(file, contentLength);
    if (ByteBuffer.wrap(file, contentLength, Long.BYTES).getLong() != checksum(content)) {
      throw new IOException("checksum mismatch");
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content))) {
      in.skipNBytes(MAGIC.length);
      int count = in.readInt();
      List<UsageEvent> events = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        events.add(UsageEventCodec.read(in));
      }
      return events;
    }
  }

  private static long checksum(byte[] content) {
    CRC32 crc = new CRC32();
    crc.update(content);
    return crc.getValue();
  }

  /** What the index knows of one segment file. */
  private record Segment(long events, long bytes) {}
}
