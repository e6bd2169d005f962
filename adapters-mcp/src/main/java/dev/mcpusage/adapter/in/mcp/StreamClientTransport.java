package dev.mcpusage.adapter.in.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Transport: an MCP client speaking the stdio framing (one JSON-RPC message per line) over any pair
 * of streams, e.g. to a server in the same process.
 */
public final class StreamClientTransport implements McpClientTransport {

  private static final Logger LOG = LoggerFactory.getLogger(StreamClientTransport.class);

  private final InputStream fromServer;
  private final OutputStream toServer;
  private final McpJsonMapper json;
  private volatile boolean closing;

  public StreamClientTransport(InputStream fromServer, OutputStream toServer, McpJsonMapper json) {
    this.fromServer = fromServer;
    this.toServer = toServer;
    this.json = json;
  }

  @Override
  public Mono<Void> connect(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
    return Mono.fromRunnable(
        () -> {
          Thread reader = new Thread(() -> read(handler), "mcp-client-reader");
          reader.setDaemon(true);
          reader.start();
        });
  }

  private void read(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(fromServer, StandardCharsets.UTF_8))) {
      String line;
      while (!closing && (line = lines.readLine()) != null) {
        JSONRPCMessage message;
        try {
          message = McpSchema.deserializeJsonRpcMessage(json, line);
        } catch (IOException | RuntimeException e) {
          LOG.warn("MCP client: skipping a line from the server that is not JSON-RPC: {}", line);
          continue;
        }
        handler.apply(Mono.just(message)).subscribe();
      }
    } catch (IOException e) {
      if (!closing) {
        LOG.warn("MCP client: reading from the server failed: {}", e.getMessage());
      }
    }
  }

  @Override
  public Mono<Void> sendMessage(JSONRPCMessage message) {
    return Mono.fromRunnable(
        () -> {
          try {
            byte[] line =
                (json.writeValueAsString(message) + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (toServer) {
              toServer.write(line);
              toServer.flush();
            }
          } catch (IOException e) {
            throw new UncheckedIOException("MCP client: writing to the server failed", e);
          }
        });
  }

  @Override
  public Mono<Void> closeGracefully() {
    return Mono.fromRunnable(
        () -> {
          closing = true;
          try {
            toServer.close();
          } catch (IOException e) {
            LOG.debug("MCP client: closing the stream to the server failed", e);
          }
        });
  }

  @Override
  public <T> T unmarshalFrom(Object data, TypeRef<T> type) {
    return json.convertValue(data, type);
  }
}
