package io.meshwatch.alerting.receiver;

import io.meshwatch.alerting.Notifier;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

/** {@link NotifierContract} for notifiers that POST over HTTP, played by a {@link FakeHttpReceiver}. */
interface HttpNotifierContract extends NotifierContract {

  FakeHttpReceiver receiver();

  /** The notifier under test, posting to {@code url}. */
  Notifier notifierAt(URI url, Duration timeout);

  /** How the real remote answers a notification it accepts. */
  default int acceptedStatus() {
    return 200;
  }

  default String acceptedBody() {
    return "";
  }

  @Override
  default Notifier notifierFor(Remote remote, Duration timeout) {
    switch (remote) {
      case ACCEPTS -> receiver().answer(acceptedStatus(), acceptedBody());
      case FAILS_TRANSIENTLY -> receiver().answer(503, "try again later");
      case REJECTS -> receiver().answer(400, "invalid payload");
      case NEVER_ANSWERS -> receiver().neverAnswer();
      case REFUSES_CONNECTIONS -> {
        return notifierAt(URI.create("http://127.0.0.1:" + NotifierContract.closedPort() + "/"), timeout);
      }
    }
    return notifierAt(receiver().url("/"), timeout);
  }

  @Override
  default String received() {
    return receiver().requests().stream()
        .map(request -> request.method() + " " + request.path() + "\n" + headerLines(request) + "\n" + request.body())
        .collect(Collectors.joining("\n\n"));
  }

  /** Headers as {@code name: value} lines, names in lower case (HTTP names are case-insensitive). */
  private static String headerLines(FakeHttpReceiver.Request request) {
    return request.headers().entrySet().stream()
        .map(header -> header.getKey().toLowerCase(Locale.ROOT) + ": " + String.join(", ", header.getValue()))
        .collect(Collectors.joining("\n"));
  }
}
