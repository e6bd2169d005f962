package dev.mcpusage.application.service;

import dev.mcpusage.application.port.in.RecordBatchCommand;
import dev.mcpusage.application.port.in.RecordResult;
import dev.mcpusage.application.port.in.RecordUsage;
import dev.mcpusage.application.port.out.UsageEventSink;
import dev.mcpusage.domain.event.ClockSkewPolicy;
import dev.mcpusage.domain.event.InvalidUsageEventException;
import dev.mcpusage.domain.event.UsageEvent;
import dev.mcpusage.domain.privacy.PrivacyPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Service: applies the privacy policy, checks each event against the clock, stores the valid ones,
 * reports the rest.
 */
public class RecordUsageService implements RecordUsage {

  private final UsageEventSink sink;
  private final ClockSkewPolicy clockSkew;
  private final PrivacyPolicy privacy;
  private final Clock clock;

  public RecordUsageService(
      UsageEventSink sink, ClockSkewPolicy clockSkew, PrivacyPolicy privacy, Clock clock) {
    this.sink = sink;
    this.clockSkew = clockSkew;
    this.privacy = privacy;
    this.clock = clock;
  }

  @Override
  public RecordResult record(RecordBatchCommand command) {
    Instant now = clock.instant();
    List<UsageEvent> accepted = new ArrayList<>(command.events().size());
    List<Integer> positions = new ArrayList<>(command.events().size());
    List<RecordResult.Rejection> rejections = new ArrayList<>();
    List<RecordResult.Adjusted> adjustments = new ArrayList<>();
    for (int i = 0; i < command.events().size(); i++) {
      UsageEvent event = command.events().get(i);
      try {
        clockSkew.check(event, now);
        PrivacyPolicy.Reviewed reviewed = privacy.review(event);
        accepted.add(reviewed.event());
        positions.add(i);
        int index = i;
        reviewed
            .adjustment()
            .ifPresent(
                a -> adjustments.add(new RecordResult.Adjusted(index, a.field(), a.message())));
      } catch (InvalidUsageEventException e) {
        rejections.add(new RecordResult.Rejection(i, e.field(), e.getMessage()));
      }
    }
    if (accepted.isEmpty()) {
      return new RecordResult(0, 0, rejections, adjustments);
    }
    UsageEventSink.AppendResult appended = sink.append(accepted);
    for (UsageEventSink.Refusal refusal : appended.refused()) {
      rejections.add(
          new RecordResult.Rejection(
              positions.get(refusal.index()), refusal.field(), refusal.message()));
    }
    rejections.sort(Comparator.comparingInt(RecordResult.Rejection::index));
    return new RecordResult(appended.inserted(), appended.duplicates(), rejections, adjustments);
  }
}
