package dev.mcpusage.adapter.in.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Filter: a strong ETag for every successful GET, from two checksums of the whole body (CRC32C and
 * CRC32, both computed by the CPU's own instructions). Javalin's generator, which runs when no ETag
 * is set, reads the body one byte at a time: at 2,400 rows it took more time than the query. With
 * the header set, Javalin still answers 304 when If-None-Match matches.
 */
final class ResponseEtag {

  private ResponseEtag() {}

  static void tag(Context ctx) {
    if (ctx.method() != HandlerType.GET
        || ctx.status() != HttpStatus.OK
        || ctx.res().getHeader("ETag") != null) {
      return;
    }
    InputStream body = ctx.resultInputStream();
    if (body == null) {
      return;
    }
    byte[] bytes;
    try {
      bytes = body.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    CRC32C crc32c = new CRC32C();
    crc32c.update(bytes);
    CRC32 crc32 = new CRC32();
    crc32.update(bytes);
    ctx.header("ETag", String.format("\"%08x%08x\"", crc32c.getValue(), crc32.getValue()));
    ctx.result(bytes);
  }
}
