package io.meshwatch.alerting.receiver;

import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.receiver.http.KeepAliveHttpClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP POST of a JSON body, turned into a {@link DeliveryResult}: the single place where the HTTP
 * notifiers decide what counts as delivered and what is worth retrying. Never throws. Posts with
 * {@link KeepAliveHttpClient} (an error answer's body is kept only as far as it says what is wrong).
 */
final class JsonPost {
  private final KeepAliveHttpClient client;
  private final Duration timeout;

  JsonPost(KeepAliveHttpClient client, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("notifier timeout must be positive, got " + timeout);
    }
    this.client = client;
    this.timeout = timeout;
  }

  /** A client whose connect timeout is {@code timeout}; each request is bounded by it too. */
  static JsonPost create(Duration timeout) {
    return new JsonPost(KeepAliveHttpClient.create(timeout), timeout);
  }

  Duration timeout() {
    return timeout;
  }

  DeliveryResult post(URI url, String json, Map<String, String> headers) {
    try {
      Map<String, String> all = new LinkedHashMap<>();
      all.put("Content-Type", "application/json");
      all.put("User-Agent", "meshwatch-alerting");
      all.putAll(headers);
      KeepAliveHttpClient.Reply reply = client.post(url, all, json.getBytes(StandardCharsets.UTF_8), timeout);
      int status = reply.status();
      if (status >= 200 && status < 300) {
        return DeliveryResult.delivered(status);
      }
      return DeliveryResult.rejected(status, reply.bodyStart());
    } catch (HttpTimeoutException e) {
      return DeliveryResult.failed("no answer from " + url + " within " + timeout, true);
    } catch (IOException e) {
      return DeliveryResult.failed("cannot reach " + url + ": " + e, true);
    } catch (RuntimeException e) {
      return DeliveryResult.failed("cannot post to " + url + ": " + e, false);
    }
  }
}
