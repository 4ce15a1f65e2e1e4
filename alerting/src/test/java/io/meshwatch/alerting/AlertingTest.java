package io.meshwatch.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meshwatch.alerting.routing.Matcher;
import io.meshwatch.alerting.silence.Silence;
import io.meshwatch.alerting.silence.SilenceRequest;
import io.meshwatch.durable.Damage;
import io.meshwatch.model.SloState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alerting's state on disk: no bound on its strings, never ahead of the disk, and one damaged copy loses nothing. */
class AlertingTest {
  private static final AlertingConfig CONFIG = new AlertingConfig(AlertingConfig.defaults().externalUrl(), Duration.ZERO,
      Duration.ZERO, AlertingConfig.defaultRoute(), List.of(), OnCallDefaults.DEFAULTS, false, Delivery.DEFAULTS);

  @TempDir Path dir;
  private final MutableClock clock = new MutableClock(SloStatuses.T0);

  @Test
  void silenceAndAck_withCommentsFarOver64KiB_areKeptWholeAcrossARestart() throws IOException {
    String comment = "x".repeat(200_000) + "\u00e9\ud83d\ude00\ud800";
    String fingerprint;
    try (Alerting alerting = open()) {
      alerting.evaluate(SloStatuses.product(SloStatuses.slo("fresh", SloState.BREACHING, SloStatuses.pageBurn())));
      fingerprint = alerting.alerts().get(0).alert().fingerprint();
      alerting.addSilence(silence(comment));
      assertThat(alerting.acknowledge(fingerprint, "jane", comment)).isPresent();
      alerting.addSilence(silence("small"));
    }
    try (Alerting restarted = open()) {
      assertThat(restarted.silences()).extracting(Silence::comment).containsExactly(comment, "small");
      assertThat(restarted.alerts()).filteredOn(view -> view.alert().fingerprint().equals(fingerprint)).singleElement()
          .satisfies(view -> assertThat(view.acknowledgement().comment()).isEqualTo(comment));
    }
  }

  @Test
  void addSilence_whoseStateCannotBeWritten_isRefused_memoryStaysAsOnDisk_andTheNextChangeWorks() throws IOException {
    try (Alerting alerting = open()) {
      alerting.addSilence(silence("kept"));
      Path blocker = Files.createDirectories(dir.resolve("state.bin.a.tmp")); // every write of the state fails now

      assertThatThrownBy(() -> alerting.addSilence(silence("refused"))).isInstanceOf(AlertingStorageException.class);
      assertThat(alerting.silences()).extracting(Silence::comment).containsExactly("kept");
      String id = alerting.silences().get(0).id();
      assertThatThrownBy(() -> alerting.expireSilence(id)).isInstanceOf(AlertingStorageException.class);
      assertThat(alerting.silence(id).orElseThrow().state(clock.instant())).isEqualTo(Silence.State.ACTIVE);

      Files.delete(blocker);
      alerting.addSilence(silence("after"));
      assertThat(alerting.silences()).extracting(Silence::comment).containsExactly("kept", "after");
    }
    try (Alerting restarted = open()) {
      assertThat(restarted.silences()).extracting(Silence::comment).containsExactly("kept", "after");
    }
  }

  @Test
  void acknowledge_whoseStateCannotBeWritten_isRefusedAndNotShown() throws IOException {
    try (Alerting alerting = open()) {
      alerting.evaluate(SloStatuses.product(SloStatuses.slo("fresh", SloState.BREACHING, SloStatuses.pageBurn())));
      String fingerprint = alerting.alerts().get(0).alert().fingerprint();
      Path blocker = Files.createDirectories(dir.resolve("state.bin.a.tmp"));

      assertThatThrownBy(() -> alerting.acknowledge(fingerprint, "jane", "on it")).isInstanceOf(AlertingStorageException.class);
      assertThat(alerting.alerts()).allSatisfy(view -> assertThat(view.acknowledgement()).isNull());
      Files.delete(blocker);
      assertThat(alerting.acknowledge(fingerprint, "jane", "on it")).isPresent();
    }
  }

  @Test
  void open_aFlippedByteAtEveryOffsetOfTheStateFileLosesNothing_andIsCounted() throws IOException {
    // Every offset of one copy; the other copy is read by the same code, so 64 seeded offsets of it.
    try (Alerting alerting = open()) {
      alerting.evaluate(SloStatuses.product(SloStatuses.slo("fresh", SloState.BREACHING, SloStatuses.pageBurn())));
      alerting.acknowledge(alerting.alerts().get(0).alert().fingerprint(), "jane", "on it");
      alerting.addSilence(silence("kept"));
    }
    List<String> silences;
    List<AlertView> alerts;
    try (Alerting pristine = open()) {
      silences = pristine.silences().stream().map(Silence::toString).toList();
      alerts = pristine.alerts();
    }
    Random random = new Random(7);
    for (String copy : List.of("state.bin.a", "state.bin.b")) {
      byte[] bytes = Files.readAllBytes(dir.resolve(copy));
      for (int i = 0; i < (copy.endsWith("a") ? bytes.length : 64); i++) {
        int offset = copy.endsWith("a") ? i : random.nextInt(bytes.length);
        byte[] damaged = bytes.clone();
        damaged[offset] ^= (byte) 0xFF;
        Files.write(dir.resolve(copy), damaged);
        try (Alerting alerting = open()) {
          assertThat(alerting.stateDamage()).as("flip at %d of %s", offset, copy).isEqualTo(new Damage(0, 0, 0, 0, 1));
          assertThat(alerting.silences()).extracting(Silence::toString).isEqualTo(silences);
          assertThat(alerting.alerts()).isEqualTo(alerts);
        }
        Files.write(dir.resolve(copy), bytes);
      }
    }
  }

  private Alerting open() throws IOException {
    return Alerting.open(CONFIG, dir, id -> Optional.empty(), clock, DeliveryListener.NONE, false);
  }

  private SilenceRequest silence(String comment) {
    return new SilenceRequest(List.of(Matcher.parse("domain=sales")), "jane", comment, null, clock.instant().plus(Duration.ofHours(2)));
  }
}
