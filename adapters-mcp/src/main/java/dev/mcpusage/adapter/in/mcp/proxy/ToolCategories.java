package dev.mcpusage.adapter.in.mcp.proxy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Mapping: the category of each tool name, from lines {@code tool=category} where the tool may be a
 * glob ({@code rag_*=rag}); exact names win over globs, earlier globs over later ones.
 */
public final class ToolCategories {

  private final Map<String, String> exact;
  private final Map<Pattern, String> globs;
  private final String fallback;

  private ToolCategories(Map<String, String> exact, Map<Pattern, String> globs, String fallback) {
    this.exact = exact;
    this.globs = globs;
    this.fallback = fallback;
  }

  /** Every tool in {@code category}. */
  public static ToolCategories all(String category) {
    return new ToolCategories(Map.of(), Map.of(), category);
  }

  /** The mapping in {@code file}; tools it does not name get {@code fallback}. */
  public static ToolCategories load(Path file, String fallback) throws IOException {
    Map<String, String> exact = new LinkedHashMap<>();
    Map<Pattern, String> globs = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      Properties one = new Properties();
      try (Reader reader = new java.io.StringReader(trimmed)) {
        one.load(reader);
      }
      for (String tool : one.stringPropertyNames()) {
        String category = one.getProperty(tool).strip();
        if (category.isEmpty()) {
          throw new IOException(file + ": no category for '" + tool + "' (write tool=category)");
        }
        if (tool.contains("*") || tool.contains("?")) {
          globs.put(glob(tool), category);
        } else {
          exact.put(tool, category);
        }
      }
    }
    return new ToolCategories(exact, globs, fallback);
  }

  /** The category of {@code tool}. */
  public String of(String tool) {
    String category = exact.get(tool);
    if (category != null) {
      return category;
    }
    return globs.entrySet().stream()
        .filter(glob -> glob.getKey().matcher(tool).matches())
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(fallback);
  }

  private static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
