package io.meshwatch.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DropsTest {

  private final Logger logger = Logger.getLogger(MeshAgent.class.getName());
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler capture = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };
  private final FakeClock clock = new FakeClock(InMemoryAgent.START);
  private final Drops drops = new Drops(clock);

  @BeforeEach
  void listen() {
    logger.addHandler(capture);
  }

  @AfterEach
  void stopListening() {
    logger.removeHandler(capture);
  }

  @Test
  void drop_countsEveryDropButWarnsAtMostOnceAMinutePerReason() {
    for (int i = 0; i < 100; i++) {
      drops.drop(Drops.Reason.NEGATIVE_COUNT, -i);
    }
    drops.drop(Drops.Reason.BLANK_NAME, "");
    clock.advance(Duration.ofSeconds(59));
    drops.drop(Drops.Reason.NEGATIVE_COUNT, -1);

    assertThat(drops.total()).isEqualTo(102);
    assertThat(drops.count(Drops.Reason.NEGATIVE_COUNT)).isEqualTo(101);
    assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.getLevel()).isEqualTo(Level.WARNING));

    clock.advance(Duration.ofSeconds(1));
    drops.drop(Drops.Reason.NEGATIVE_COUNT, -2);

    assertThat(records).hasSize(3);
    assertThat(records.get(2).getParameters()).contains(102L);
  }

  @Test
  void drop_failingClockDoesNotThrow() {
    Drops broken = new Drops(() -> {
      throw new IllegalStateException("clock broke");
    });

    broken.drop(Drops.Reason.MISSING_VALUE, null);

    assertThat(broken.total()).isEqualTo(1);
  }
}
