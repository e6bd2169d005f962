package dev.mcpusage.adapter.in.http;

import dev.mcpusage.application.port.out.StoreUnavailableException;
import dev.mcpusage.domain.UsageException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationError;
import io.javalin.validation.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Edge: maps every error to DESIGN.md's JSON body and status, in one place. */
final class HttpErrorMapper {

  private static final String ANSWERED = "mcp-usage.error-answered";
  private static final Logger LOG = LoggerFactory.getLogger(HttpErrorMapper.class);

  private HttpErrorMapper() {}

  static void register(RoutesConfig routes) {
    routes.exception(ValidationException.class, (e, ctx) -> invalidParameters(e, ctx));
    routes.exception(
        AccessGuard.AccessDeniedException.class,
        (e, ctx) -> respond(ctx, e.status(), e.code(), e.getMessage()));
    routes.exception(
        IngestController.PayloadTooLargeException.class,
        (e, ctx) ->
            respond(ctx, HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", e.getMessage()));
    routes.exception(
        RequestBody.UnsupportedEncodingException.class,
        (e, ctx) ->
            respond(
                ctx,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported_content_encoding",
                e.getMessage()));
    routes.exception(
        StoreUnavailableException.class,
        (e, ctx) -> {
          LOG.warn("store unavailable: {}", e.getMessage());
          respond(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.code(), e.getMessage());
        });
    routes.exception(
        UsageException.class,
        (e, ctx) ->
            respond(
                ctx,
                e.isCallerError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR,
                e.code(),
                e.getMessage()));
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
          respond(
              ctx,
              HttpStatus.INTERNAL_SERVER_ERROR,
              "internal_error",
              "unexpected error; see the server log");
        });
    routes.error(
        HttpStatus.NOT_FOUND.getCode(),
        "*",
        ctx -> {
          if (ctx.attribute(ANSWERED) == null) {
            respond(
                ctx,
                HttpStatus.NOT_FOUND,
                "not_found",
                "no such path: " + ctx.method() + " " + ctx.path());
          }
        });
  }

  private static void invalidParameters(ValidationException e, Context ctx) {
    String message =
        e.getErrors().entrySet().stream()
            .map(HttpErrorMapper::describe)
            .collect(Collectors.joining("; "));
    respond(ctx, HttpStatus.BAD_REQUEST, "invalid_parameter", message);
  }

  private static String describe(Map.Entry<String, List<ValidationError<Object>>> entry) {
    return entry.getValue().stream()
        .map(error -> entry.getKey() + " " + readable(error) + ", was '" + error.value + "'")
        .collect(Collectors.joining("; "));
  }

  private static String readable(ValidationError<Object> error) {
    return "TYPE_CONVERSION_FAILED".equals(error.getMessage())
        ? "must be an integer"
        : error.getMessage();
  }

  private static void respond(Context ctx, HttpStatus status, String code, String message) {
    ctx.attribute(ANSWERED, Boolean.TRUE);
    ctx.status(status).json(new ErrorResponse(code, message));
  }
}
