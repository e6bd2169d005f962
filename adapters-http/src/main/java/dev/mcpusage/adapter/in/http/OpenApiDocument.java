package dev.mcpusage.adapter.in.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The OpenAPI 3.0 document of the server, generated from the very routes it registers. */
final class OpenApiDocument {

  private OpenApiDocument() {}

  static Map<String, Object> of(List<ApiRoute> routes, String version) {
    Map<String, Object> paths = new LinkedHashMap<>();
    for (ApiRoute route : routes) {
      @SuppressWarnings("unchecked")
      Map<String, Object> operations =
          (Map<String, Object>)
              paths.computeIfAbsent(route.path(), p -> new LinkedHashMap<String, Object>());
      operations.put(route.method().toLowerCase(), operation(route));
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("openapi", "3.0.3");
    document.put(
        "info",
        Map.of(
            "title",
            "mcp-usage",
            "version",
            version,
            "description",
            "MCP tool-usage analytics. JSON in snake_case, times in UTC ISO-8601."));
    document.put("paths", paths);
    document.put(
        "components",
        Map.of("securitySchemes", Map.of("bearer", Map.of("type", "http", "scheme", "bearer"))));
    return document;
  }

  private static Map<String, Object> operation(ApiRoute route) {
    Map<String, Object> operation = new LinkedHashMap<>();
    operation.put("summary", route.summary());
    List<Object> parameters = new ArrayList<>();
    for (ApiParameter parameter : route.parameters()) {
      Map<String, Object> schema = new LinkedHashMap<>();
      if (parameter.integer()) {
        schema.put("type", "integer");
        schema.put("minimum", parameter.min());
        schema.put("maximum", parameter.max());
        parameter.defaultValue().ifPresent(value -> schema.put("default", value));
      } else {
        schema.put("type", "string");
        schema.put("maxLength", parameter.max());
      }
      parameters.add(
          Map.of(
              "name",
              parameter.name(),
              "in",
              "query",
              "required",
              false,
              "description",
              parameter.description(),
              "schema",
              schema));
    }
    if (!parameters.isEmpty()) {
      operation.put("parameters", parameters);
    }
    route
        .requires()
        .ifPresent(role -> operation.put("security", List.of(Map.of("bearer", List.of()))));
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("200", Map.of("description", "OK (JSON)"));
    if (!parameters.isEmpty()) {
      responses.put(
          "400",
          Map.of(
              "description", "a parameter is malformed or out of range: {\"error\", \"message\"}"));
    }
    route
        .requires()
        .ifPresent(
            role -> {
              responses.put("401", Map.of("description", "no valid bearer token"));
              responses.put("403", Map.of("description", "the token's role may not do this"));
            });
    responses.put("503", Map.of("description", "the database does not answer"));
    operation.put("responses", responses);
    return operation;
  }
}
