package io.meshwatch.alerting.receiver;

import io.meshwatch.alerting.DeliveryResult;
import io.meshwatch.alerting.Notification;
import io.meshwatch.alerting.Notifier;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Posts notifications to a URL in Alertmanager's webhook JSON format.
 *
 * <pre>{@code
 * Notifier webhook = new WebhookNotifier(URI.create("https://hooks.example.com/meshwatch"),
 *     URI.create("https://meshwatch.example.com"), Duration.ofSeconds(10));
 * DeliveryResult result = webhook.send(notification);
 * }</pre>
 */
public final class WebhookNotifier implements Notifier {
  // Enough of an error response to say what is wrong, without reading a hostile receiver's flood.
  private static final int MAX_ERROR_BODY = 512;

  private final URI url;
  private final URI externalUrl;
  private final Duration timeout;
  private final HttpClient client;

  /**
   * @param url where to post
   * @param externalUrl the collector's address, for {@code externalURL} and each alert's {@code generatorURL}
   * @param timeout for connecting and for the whole exchange
   */
  public WebhookNotifier(URI url, URI externalUrl, Duration timeout) {
    this(url, externalUrl, timeout, HttpClient.newBuilder().connectTimeout(timeout).build());
  }

  WebhookNotifier(URI url, URI externalUrl, Duration timeout, HttpClient client) {
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("webhook URL must be http or https, got " + url);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("webhook timeout must be positive, got " + timeout);
    }
    this.url = url;
    this.externalUrl = externalUrl;
    this.timeout = timeout;
    this.client = client;
  }

  @Override
  public DeliveryResult send(Notification notification) {
    try {
      HttpRequest request = HttpRequest.newBuilder(url)
          .timeout(timeout)
          .header("Content-Type", "application/json")
          .header("User-Agent", "meshwatch-alerting")
          .POST(HttpRequest.BodyPublishers.ofString(
              AlertmanagerWebhookPayload.json(notification, externalUrl), StandardCharsets.UTF_8))
          .build();
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
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
