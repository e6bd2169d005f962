package dev.mcpusage.adapter.in.http;

import dev.mcpusage.application.port.in.ProvideAccessTokens;
import dev.mcpusage.domain.access.AccessRole;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.Optional;

/**
 * Edge: checks the {@code Authorization: Bearer} token against the route's role before its handler
 * runs — 401 without a valid token, 403 with a reader token on a writer route. GETs need no token
 * while the server is on loopback and anonymous reads are left on.
 */
final class AccessGuard {

  private final ProvideAccessTokens tokens;
  private final boolean anonymousReads;

  AccessGuard(ProvideAccessTokens tokens, boolean anonymousReads) {
    this.tokens = tokens;
    this.anonymousReads = anonymousReads;
  }

  Handler protect(Optional<AccessRole> requires, Handler handler) {
    if (requires.isEmpty()) {
      return handler;
    }
    AccessRole required = requires.get();
    return ctx -> {
      Optional<String> presented = bearerToken(ctx);
      if (presented.isEmpty() && required == AccessRole.READER && anonymousReads) {
        handler.handle(ctx);
        return;
      }
      Optional<AccessRole> role = presented.flatMap(token -> tokens.accessTokens().roleOf(token));
      if (role.isEmpty()) {
        ctx.header("WWW-Authenticate", "Bearer");
        throw new AccessDeniedException(
            HttpStatus.UNAUTHORIZED,
            "unauthorized",
            presented.isEmpty()
                ? "this endpoint needs 'Authorization: Bearer <token>' ("
                    + required.name().toLowerCase()
                    + " token; see mcp-usage tokens)"
                : "the bearer token is not valid");
      }
      if (!role.get().covers(required)) {
        throw new AccessDeniedException(
            HttpStatus.FORBIDDEN,
            "forbidden",
            "this endpoint needs the writer token; the reader token may only read");
      }
      handler.handle(ctx);
    };
  }

  private static Optional<String> bearerToken(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    return Optional.of(header.substring(7).strip()).filter(token -> !token.isEmpty());
  }

  /** Error: the caller may not do this; carries the status to answer. */
  static final class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final HttpStatus status;
    private final String code;

    AccessDeniedException(HttpStatus status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }

    HttpStatus status() {
      return status;
    }

    String code() {
      return code;
    }
  }
}
