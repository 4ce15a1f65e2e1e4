package io.meshwatch.alerting.receiver;

import io.meshwatch.alerting.DeliveryResult;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * One HTTP POST of a JSON body, turned into a {@link DeliveryResult}: the single place where the HTTP
 * notifiers decide what counts as delivered and what is worth retrying. Never throws.
 */
final class JsonPost {
  // Enough of an error response to say what is wrong, without reading a hostile receiver's flood.
  private static final int MAX_ERROR_BODY = 512;

  private final HttpClient client;
  private final Duration timeout;

  JsonPost(HttpClient client, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("notifier timeout must be positive, got " + timeout);
    }
    this.client = client;
    this.timeout = timeout;
  }

  /** A client whose connect timeout is {@code timeout}; each request is bounded by it too. */
  static JsonPost create(Duration timeout) {
    return new JsonPost(HttpClient.newBuilder().connectTimeout(timeout).build(), timeout);
  }

  Duration timeout() {
    return timeout;
  }

  DeliveryResult post(URI url, String json, Map<String, String> headers) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(url)
          .timeout(timeout)
          .header("Content-Type", "application/json")
          .header("User-Agent", "meshwatch-alerting")
          .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
      headers.forEach(request::header);
      HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
          return DeliveryResult.delivered(status);
        }
        return DeliveryResult.rejected(status, new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8));
      }
    } catch (HttpTimeoutException e) {
      return DeliveryResult.failed("no answer from " + url + " within " + timeout, true);
    } catch (IOException e) {
      return DeliveryResult.failed("cannot reach " + url + ": " + e, true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return DeliveryResult.failed("interrupted while posting to " + url, true);
    } catch (RuntimeException e) {
      return DeliveryResult.failed("cannot post to " + url + ": " + e, false);
    }
  }
}
