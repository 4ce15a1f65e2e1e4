package io.meshwatch.alerting.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class CompiledMatcherTest {

  @Test
  void literal_onlyForRegexesWithoutOperators() {
    assertThat(CompiledMatcher.literal("sales")).isEqualTo("sales");
    assertThat(CompiledMatcher.literal("sales\\.orders")).isEqualTo("sales.orders");
    assertThat(CompiledMatcher.literal("a-b c")).isEqualTo("a-b c");
    assertThat(CompiledMatcher.literal("sales.orders")).isNull();
    assertThat(CompiledMatcher.literal("\\d")).isNull();
    assertThat(CompiledMatcher.literal("\\1")).isNull();
    assertThat(CompiledMatcher.literal("a|b")).isNull();
  }

  @Test
  void regex_shortcutsAgreeWithThePatternEngine() {
    // Brute-force reference: RE2's matches on random regexes built from the characters the
    // shortcuts treat specially, against random inputs.
    Random random = new Random(42);
    String regexChars = "ab.*|\\-()+?\n";
    String inputChars = "ab.*|\\-\n\r\u2028";
    int compared = 0;
    for (int i = 0; i < 20_000; i++) {
      String regex = randomText(random, regexChars, 6);
      Pattern reference;
      try {
        reference = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        continue;
      }
      Predicate<String> fast = CompiledMatcher.regex(regex);
      for (int j = 0; j < 5; j++) {
        String input = randomText(random, inputChars, 5);
        assertThat(fast.test(input)).as("regex %s on input %s", regex, input)
            .isEqualTo(reference.matches(input));
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(10_000);
  }

  @Test
  void regex_thatBacktrackingTakesExponentialTimeOn_isAnsweredAtOnce() {
    // java.util.regex needs about fib(64) steps for this (it hung alerting); RE2 is linear in the input.
    // The timeout only stops a hang; nothing is measured.
    String label = "a".repeat(64);
    Matcher matcher = Matcher.parse("slo=~\"(a|aa)+b\"");

    assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
      assertThat(CompiledMatcher.of(matcher).matches(Map.of("slo", label))).isFalse();
      assertThat(matcher.matches(Map.of("slo", label))).isFalse();
      assertThat(CompiledMatcher.of(matcher).matches(Map.of("slo", label + "b"))).isTrue();
    });
  }

  @Test
  void parse_aRegexRe2CannotRun_isRefusedNamingTheSyntax() {
    // Lookaround and possessive quantifiers need backtracking; Alertmanager (Go's RE2) refuses them too.
    assertThatThrownBy(() -> Matcher.parse("team=~\"a++\"")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RE2");
    assertThatThrownBy(() -> Matcher.parse("team=~\"a(?=b)\"")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RE2");
  }

  @Test
  void matches_agreesWithMatcherForEveryOperator() {
    for (String text : new String[] {"team=sales", "team!=sales", "team=~\"sa.*\"", "team!~\"sa.*\"", "team=\"\""}) {
      Matcher matcher = Matcher.parse(text);
      CompiledMatcher compiled = CompiledMatcher.of(matcher);
      for (Map<String, String> labels : java.util.List.of(Map.of("team", "sales"), Map.of("team", "ml"), Map.<String, String>of())) {
        assertThat(compiled.matches(labels)).as("%s on %s", text, labels).isEqualTo(matcher.matches(labels));
      }
    }
  }

  private static String randomText(Random random, String chars, int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(chars.charAt(random.nextInt(chars.length())));
    }
    return out.toString();
  }
}
