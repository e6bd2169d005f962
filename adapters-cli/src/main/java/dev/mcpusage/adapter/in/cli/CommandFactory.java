package dev.mcpusage.adapter.in.cli;

import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Bridge: commands the wiring knows (constructed with their use cases) come from it; everything
 * else picocli makes itself. The wiring answers null for a type it does not know.
 */
final class CommandFactory implements IFactory {

  private final Function<Class<?>, Object> instances;

  CommandFactory(Function<Class<?>, Object> instances) {
    this.instances = instances;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    Object wired = instances.apply(type);
    return wired != null ? type.cast(wired) : CommandLine.defaultFactory().create(type);
  }
}
