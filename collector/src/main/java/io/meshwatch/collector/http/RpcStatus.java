package io.meshwatch.collector.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The {@code google.rpc.Status} body OTLP/HTTP answers every 4xx and 5xx with, in the request's
 * encoding. It is not in the OTLP protos we ship and has two fields here: encoded by hand.
 */
final class RpcStatus {

  static final int INVALID_ARGUMENT = 3;
  static final int PERMISSION_DENIED = 7;
  static final int RESOURCE_EXHAUSTED = 8;
  static final int UNAVAILABLE = 14;
  static final int UNAUTHENTICATED = 16;

  private RpcStatus() {}

  static byte[] encode(boolean json, int code, String message) {
    return json ? json(code, message) : protobuf(code, message);
  }

  private static byte[] protobuf(int code, String message) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.writeInt32(1, code);
      out.writeString(2, message);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] json(int code, String message) {
    try {
      return Responses.JSON.writeValueAsBytes(Map.of("code", code, "message", message));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
