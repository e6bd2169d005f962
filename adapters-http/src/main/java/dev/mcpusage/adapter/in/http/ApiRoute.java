package dev.mcpusage.adapter.in.http;

import dev.mcpusage.domain.access.AccessRole;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Optional;

/**
 * One route: method, path, who may call it, what it answers, its parameters and its handler. The
 * server registers exactly these, and the OpenAPI document is generated from them.
 */
record ApiRoute(
    String method,
    String path,
    Optional<AccessRole> requires,
    String summary,
    List<ApiParameter> parameters,
    Handler handler) {

  static ApiRoute get(
      String path,
      AccessRole requires,
      String summary,
      List<ApiParameter> parameters,
      Handler handler) {
    return new ApiRoute(
        "GET",
        path,
        Optional.of(requires),
        summary,
        parameters,
        QueryParameters.declaredOnly(parameters, handler));
  }

  static ApiRoute post(String path, String summary, Handler handler) {
    return new ApiRoute("POST", path, Optional.of(AccessRole.WRITER), summary, List.of(), handler);
  }

  static ApiRoute open(String path, String summary, Handler handler) {
    return new ApiRoute("GET", path, Optional.empty(), summary, List.of(), handler);
  }
}
