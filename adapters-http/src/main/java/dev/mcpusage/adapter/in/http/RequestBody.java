package dev.mcpusage.adapter.in.http;

import io.javalin.http.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Edge: a request's body as text — as sent, or inflated when sent with {@code Content-Encoding:
 * gzip} — never more than a limit of bytes, counted after inflating (a small gzip body can inflate
 * to gigabytes).
 */
final class RequestBody {

  private RequestBody() {}

  static String text(Context ctx, long maxBytes) {
    String encoding = ctx.header("Content-Encoding");
    String name = encoding == null ? "" : encoding.strip().toLowerCase(Locale.ROOT);
    if (name.isEmpty() || name.equals("identity")) {
      return ctx.body();
    }
    if (!name.equals("gzip") && !name.equals("x-gzip")) {
      throw new UnsupportedEncodingException(
          "Content-Encoding '" + encoding + "' is not supported; send gzip or no encoding");
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(ctx.bodyAsBytes()))) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (bytes.length > maxBytes) {
        throw new IngestController.PayloadTooLargeException(
            "the gzip body inflates to more than "
                + maxBytes
                + " bytes; at most "
                + maxBytes
                + " are accepted per request: split the batch");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (ZipException | java.io.EOFException e) {
      throw new InvalidParameterException(
          "body is not valid gzip (Content-Encoding: gzip): " + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Error: the body comes in an encoding this server does not read. */
  static final class UnsupportedEncodingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnsupportedEncodingException(String message) {
      super(message);
    }
  }
}
