package dev.mcpusage.bootstrap.journal;

import dev.mcpusage.domain.event.UsageEvent;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Binary form of one event in a journal segment; metadata keeps its JSON shape and types. */
final class UsageEventCodec {

  private static final byte NULL = 0;
  private static final byte STRING = 1;
  private static final byte BOOLEAN = 2;
  private static final byte INTEGER = 3;
  private static final byte FLOATING = 4;
  private static final byte OBJECT = 5;
  private static final byte ARRAY = 6;
  private static final byte DECIMAL = 7;
  private static final int MAX_STRING_BYTES = 64 * 1024 * 1024;

  private UsageEventCodec() {}

  static void write(UsageEvent event, DataOutputStream out) throws IOException {
    out.writeLong(event.id().getMostSignificantBits());
    out.writeLong(event.id().getLeastSignificantBits());
    out.writeLong(event.timestamp().getEpochSecond());
    out.writeInt(event.timestamp().getNano());
    writeString(event.serverName(), out);
    writeString(event.toolName(), out);
    writeString(event.toolCategory(), out);
    writeOptional(event.sessionId(), out);
    writeOptional(event.clientType(), out);
    writeValue(event.requestMetadata(), out);
    writeOptional(event.sourceId(), out);
    writeOptional(event.queryText(), out);
    out.writeBoolean(event.matchCount().isPresent());
    out.writeInt(event.matchCount().orElse(0));
    out.writeInt(event.responseTimeMs());
    out.writeBoolean(event.success());
    writeOptional(event.errorType(), out);
  }

  @SuppressWarnings("unchecked")
  static UsageEvent read(DataInputStream in) throws IOException {
    UUID id = new UUID(in.readLong(), in.readLong());
    Instant timestamp = Instant.ofEpochSecond(in.readLong(), in.readInt());
    UsageEvent.Builder builder =
        UsageEvent.builder()
            .id(id)
            .timestamp(timestamp)
            .serverName(readString(in))
            .toolName(readString(in))
            .toolCategory(readString(in));
    readOptional(in).ifPresent(builder::sessionId);
    readOptional(in).ifPresent(builder::clientType);
    builder.requestMetadata((Map<String, Object>) readValue(in));
    readOptional(in).ifPresent(builder::sourceId);
    readOptional(in).ifPresent(builder::queryText);
    boolean hasMatchCount = in.readBoolean();
    int matchCount = in.readInt();
    if (hasMatchCount) {
      builder.matchCount(matchCount);
    }
    builder.responseTimeMs(in.readInt()).success(in.readBoolean());
    readOptional(in).ifPresent(builder::errorType);
    return builder.build();
  }

  private static void writeValue(Object value, DataOutputStream out) throws IOException {
    if (value == null) {
      out.writeByte(NULL);
    } else if (value instanceof String text) {
      out.writeByte(STRING);
      writeString(text, out);
    } else if (value instanceof Boolean flag) {
      out.writeByte(BOOLEAN);
      out.writeBoolean(flag);
    } else if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      out.writeByte(INTEGER);
      out.writeLong(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      out.writeByte(FLOATING);
      out.writeDouble(((Number) value).doubleValue());
    } else if (value instanceof BigInteger || value instanceof BigDecimal) {
      out.writeByte(DECIMAL);
      writeString(value.toString(), out);
    } else if (value instanceof Map<?, ?> map) {
      out.writeByte(OBJECT);
      out.writeInt(map.size());
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        writeString(String.valueOf(entry.getKey()), out);
        writeValue(entry.getValue(), out);
      }
    } else if (value instanceof List<?> list) {
      out.writeByte(ARRAY);
      out.writeInt(list.size());
      for (Object element : list) {
        writeValue(element, out);
      }
    } else {
      out.writeByte(STRING);
      writeString(value.toString(), out);
    }
  }

  private static Object readValue(DataInputStream in) throws IOException {
    byte tag = in.readByte();
    switch (tag) {
      case NULL:
        return null;
      case STRING:
        return readString(in);
      case BOOLEAN:
        return in.readBoolean();
      case INTEGER:
        return in.readLong();
      case FLOATING:
        return in.readDouble();
      case DECIMAL:
        return new BigDecimal(readString(in));
      case OBJECT:
        int fields = in.readInt();
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < fields; i++) {
          map.put(readString(in), readValue(in));
        }
        return map;
      case ARRAY:
        int size = in.readInt();
        List<Object> list = new ArrayList<>(Math.min(size, 1024));
        for (int i = 0; i < size; i++) {
          list.add(readValue(in));
        }
        return list;
      default:
        throw new IOException("unknown value tag " + tag);
    }
  }

  private static void writeOptional(Optional<String> value, DataOutputStream out)
      throws IOException {
    out.writeBoolean(value.isPresent());
    if (value.isPresent()) {
      writeString(value.get(), out);
    }
  }

  private static Optional<String> readOptional(DataInputStream in) throws IOException {
    return in.readBoolean() ? Optional.of(readString(in)) : Optional.empty();
  }

  private static void writeString(String value, DataOutputStream out) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > MAX_STRING_BYTES) {
      throw new IOException("string length out of range: " + length);
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }
}
