package io.meshwatch.alerting.receiver.http;

import java.net.URI;
import java.util.Locale;

/** Where a URL's connections go; connections are pooled per origin. */
record Origin(boolean secure, String host, int port) {

  static Origin of(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("only http and https URLs can be posted to, got " + url);
    }
    if (url.getHost() == null) {
      throw new IllegalArgumentException("URL has no host: " + url);
    }
    boolean secure = scheme.equals("https");
    return new Origin(secure, url.getHost(), url.getPort() == -1 ? defaultPort(secure) : url.getPort());
  }

  /** The {@code Host} header: the port only when it is not the scheme's default. */
  String hostHeader() {
    return port == defaultPort(secure) ? host : host + ':' + port;
  }

  /** The host to resolve and connect to: an IPv6 literal without its brackets. */
  String address() {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static int defaultPort(boolean secure) {
    return secure ? 443 : 80;
  }

  @Override
  public String toString() {
    return (secure ? "https://" : "http://") + hostHeader();
  }
}
