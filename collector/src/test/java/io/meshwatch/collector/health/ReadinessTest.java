package io.meshwatch.collector.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReadinessTest {

  @Test
  void report_readyOnlyWhenEveryCheckIs() {
    Readiness readiness = new Readiness().add(() -> Verdict.ready("a"));
    assertThat(readiness.report().ready()).isTrue();

    readiness.add(() -> Verdict.notReady("b", "b is broken"));

    Readiness.Report report = readiness.report();
    assertThat(report.ready()).isFalse();
    assertThat(report.verdicts()).extracting(Verdict::name).containsExactly("a", "b");
    assertThat(report.verdicts().get(1).reasons()).containsExactly("b is broken");
  }

  @Test
  void report_aCheckThatThrowsIsNotReadyWithTheExceptionAsItsReason() {
    Readiness readiness = new Readiness().add(() -> {
      throw new IllegalStateException("lock file gone");
    });

    Verdict verdict = readiness.report().verdicts().get(0);

    assertThat(verdict.ready()).isFalse();
    assertThat(verdict.reasons()).singleElement().asString().contains("lock file gone");
  }

  @Test
  void notReady_withoutAReason_isRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Verdict.notReady("x", List.of()))
        .hasMessageContaining("say why x is not ready");
  }
}
