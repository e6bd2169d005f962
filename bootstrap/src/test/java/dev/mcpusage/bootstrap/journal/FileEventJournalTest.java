package dev.mcpusage.bootstrap.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpusage.application.port.out.EventJournal.SpooledBatch;
import dev.mcpusage.application.port.out.JournalFullException;
import dev.mcpusage.domain.event.UsageEvent;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileEventJournalTest {

  @TempDir Path dataDir;

  @Test
  void givenASpooledBatch_aNewJournalOnTheSameDir_returnsEveryFieldUnchanged() {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("args", Map.of("query", "vector search", "limit", 5L));
    metadata.put("tags", List.of("a", true, 2.5, new BigDecimal("12345678901234567890.5")));
    metadata.put("none", null);
    UsageEvent full =
        UsageEvent.builder()
            .timestamp(Instant.parse("2026-11-25T10:15:30.123456789Z"))
            .serverName("archon")
            .toolName("rag_search_knowledge_base")
            .toolCategory("rag")
            .sessionId("s-1")
            .clientType("claude-code")
            .requestMetadata(metadata)
            .sourceId("docs")
            .queryText("naïve ünïcode 😀")
            .matchCount(7)
            .responseTimeMs(321)
            .success(false)
            .errorType("TimeoutError")
            .build();
    UsageEvent bare =
        UsageEvent.builder().timestamp(Instant.EPOCH).toolName("t").toolCategory("c").build();
    new FileEventJournal(dataDir, 1 << 20).spool(List.of(full, bare));

    FileEventJournal reopened = new FileEventJournal(dataDir, 1 << 20);

    assertThat(reopened.pendingEvents()).isEqualTo(2);
    assertThat(reopened.oldest())
        .get()
        .extracting(SpooledBatch::events)
        .isEqualTo(List.of(full, bare));
  }

  @Test
  void givenTwoBatches_oldestAndRemove_replayThemInOrderAndLeaveNothing() {
    FileEventJournal journal = new FileEventJournal(dataDir, 1 << 20);
    journal.spool(events(3));
    journal.spool(events(2));

    SpooledBatch first = journal.oldest().orElseThrow();
    journal.remove(first);
    SpooledBatch second = journal.oldest().orElseThrow();
    journal.remove(second);

    assertThat(first.events()).hasSize(3);
    assertThat(second.events()).hasSize(2);
    assertThat(journal.oldest()).isEmpty();
    assertThat(journal.pendingEvents()).isZero();
    assertThat(journal.sizeBytes()).isZero();
  }

  @Test
  void givenTheBound_spool_refusesTheBatchThatWouldExceedIt() {
    FileEventJournal journal = new FileEventJournal(dataDir, 2_000);
    journal.spool(events(5));

    assertThatThrownBy(() -> journal.spool(events(50)))
        .isInstanceOf(JournalFullException.class)
        .hasMessageContaining("journal.max.mb");
    assertThat(journal.pendingEvents()).isEqualTo(5);
  }

  @Test
  void givenADamagedSegment_oldest_movesItAsideAndGoesOnWithTheNext() throws IOException {
    FileEventJournal journal = new FileEventJournal(dataDir, 1 << 20);
    journal.spool(events(3));
    journal.spool(events(4));
    Path damaged;
    try (var files = Files.list(dataDir.resolve("journal"))) {
      damaged = files.sorted().findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(damaged);
    bytes[bytes.length / 2] ^= 0x5a;
    Files.write(damaged, bytes);

    FileEventJournal reopened = new FileEventJournal(dataDir, 1 << 20);

    assertThat(reopened.oldest()).get().extracting(b -> b.events().size()).isEqualTo(4);
    assertThat(Files.exists(Path.of(damaged + ".corrupt"))).isTrue();
  }

  @Test
  void givenASpoolCutShortByACrash_theUnfinishedFileIsIgnored() throws IOException {
    Files.createDirectories(dataDir.resolve("journal"));
    Files.write(dataDir.resolve("journal/0000000000001-000000000.seg.tmp"), new byte[] {1, 2, 3});

    FileEventJournal journal = new FileEventJournal(dataDir, 1 << 20);

    assertThat(journal.pendingEvents()).isZero();
    assertThat(journal.oldest()).isEmpty();
    assertThat(Arrays.asList(dataDir.resolve("journal").toFile().list())).isEmpty();
  }

  @Test
  void givenAnUnfinishedSpoolOfAnotherLiveProcess_load_leavesItToThatProcess() throws IOException {
    Process writer = new ProcessBuilder("sleep", "60").start();
    try {
      Path unfinished =
          dataDir.resolve("journal/0000000000001-" + writer.pid() + "-000000000.seg.tmp");
      Files.createDirectories(unfinished.getParent());
      Files.write(unfinished, new byte[] {1, 2, 3});

      FileEventJournal journal = new FileEventJournal(dataDir, 1 << 20);

      assertThat(journal.pendingEvents()).isZero();
      assertThat(unfinished).exists();
    } finally {
      writer.destroy();
    }
  }

  @Test
  void givenASegmentAnotherProcessReplayedFirst_oldest_goesOnWithTheNext() {
    FileEventJournal ours = new FileEventJournal(dataDir, 1 << 20);
    ours.spool(events(3));
    ours.spool(events(4));
    FileEventJournal theirs = new FileEventJournal(dataDir, 1 << 20);
    theirs.remove(theirs.oldest().orElseThrow());

    assertThat(ours.oldest()).get().extracting(b -> b.events().size()).isEqualTo(4);
    assertThat(dataDir.resolve("journal").toFile().list()).noneMatch(n -> n.endsWith(".corrupt"));
  }

  @Test
  void givenTwoJournalsOnOneFolder_spool_neverReusesAName() {
    FileEventJournal first = new FileEventJournal(dataDir, 1 << 20);
    FileEventJournal second = new FileEventJournal(dataDir, 1 << 20);
    for (int i = 0; i < 50; i++) {
      first.spool(events(1));
      second.spool(events(1));
    }

    assertThat(new FileEventJournal(dataDir, 1 << 20).pendingEvents()).isEqualTo(100);
  }

  private static List<UsageEvent> events(int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                UsageEvent.builder()
                    .timestamp(Instant.EPOCH)
                    .toolName("tool-" + i)
                    .toolCategory("rag")
                    .build())
        .toList();
  }
}
