package io.meshwatch.collector;

import io.meshwatch.model.Contact;
import io.meshwatch.model.DataProduct;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A collector in its own JVM for {@link AlertingCrashTest}: products whose on-call contact is a
 * webhook under {@code sinkBase}; driven over stdin as {@link CrashTestCollectorMain} is.
 *
 * <p>Arguments: data dir, start instant, sink base URL.
 */
public final class AlertingCrashMain {
  static final List<String> PRODUCTS = List.of("crash.a", "crash.b", "crash.c");

  private AlertingCrashMain() {}

  public static void main(String[] args) throws Exception {
    TestClock clock = new TestClock(Instant.parse(args[1]));
    List<DataProduct> products = PRODUCTS.stream()
        .map(id -> AlertingFixture.runs(id, List.of(new Contact(Contact.Kind.WEBHOOK, URI.create(args[2] + id).toString()))))
        .toList();
    CrashTestCollectorMain.serve(MeshwatchCollector.start(
        AlertingFixture.config(Path.of(args[0]), AlertingFixture.alerting(List.of(), List.of())), clock, products), clock);
  }
}
