package dev.mcpusage.application.service;

import dev.mcpusage.application.demo.SeedShapedTraffic;
import dev.mcpusage.application.port.in.DemoLoadCommand;
import dev.mcpusage.application.port.in.LoadDemoUsage;
import dev.mcpusage.application.port.out.UsageEventSink;
import dev.mcpusage.application.port.out.UsageStatsReader;
import java.time.Clock;
import java.util.function.LongConsumer;

/** Service: streams synthetic seed-shaped traffic into the sink in batches. */
public class DemoUsageService implements LoadDemoUsage {

  private static final int BATCH_SIZE = 5_000;

  private final UsageEventSink sink;
  private final UsageStatsReader reader;
  private final Clock clock;

  public DemoUsageService(UsageEventSink sink, UsageStatsReader reader, Clock clock) {
    this.sink = sink;
    this.reader = reader;
    this.clock = clock;
  }

  @Override
  public long load(DemoLoadCommand command, LongConsumer progress) {
    if (command.onlyIfEmpty() && !reader.isEmpty()) {
      return 0;
    }
    SeedShapedTraffic traffic =
        SeedShapedTraffic.lastDays(
            command.seed(), clock.instant(), command.days(), command.events());
    long stored = 0;
    while (traffic.hasNext()) {
      stored += sink.append(traffic.nextBatch(BATCH_SIZE)).inserted();
      progress.accept(stored);
    }
    return stored;
  }
}
