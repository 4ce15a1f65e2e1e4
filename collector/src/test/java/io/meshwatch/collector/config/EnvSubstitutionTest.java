package io.meshwatch.collector.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.meshwatch.collector.descriptor.Problems;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvSubstitutionTest {

  private final EnvSubstitution env = new EnvSubstitution(Map.of("A", "1", "EMPTY", ""));
  private final Problems problems = new Problems("c.yaml");

  @Test
  void resolve_substitutesVariablesDefaultsAndEscapes() {
    assertThat(env.resolve("no variables $HOME", 1, "f", problems)).isEqualTo("no variables $HOME");
    assertThat(env.resolve("x${A}y${A}", 1, "f", problems)).isEqualTo("x1y1");
    assertThat(env.resolve("${B:-fallback}", 1, "f", problems)).isEqualTo("fallback");
    assertThat(env.resolve("${EMPTY:-fallback}", 1, "f", problems)).isEmpty();
    assertThat(env.resolve("$${A}", 1, "f", problems)).isEqualTo("${A}");
    assertThat(problems.list()).isEmpty();
  }

  @Test
  void resolve_unsetOrMalformedIsAProblem() {
    assertThat(env.resolve("${B}", 3, "tokens.admin[0]", problems)).isNull();
    assertThat(env.resolve("${A", 4, "host", problems)).isNull();
    assertThat(env.resolve("${ bad } ${A}", 5, "host", problems)).isNull();

    assertThat(problems.list()).extracting(Object::toString).containsExactly(
        "c.yaml:3: tokens.admin[0]: environment variable B is not set",
        "c.yaml:4: host: '${' must start a variable such as ${MESHWATCH_ADMIN_TOKEN}, got '${A'",
        "c.yaml:5: host: '${' must start a variable such as ${MESHWATCH_ADMIN_TOKEN}, got '${ bad } ${A}'");
  }
}
