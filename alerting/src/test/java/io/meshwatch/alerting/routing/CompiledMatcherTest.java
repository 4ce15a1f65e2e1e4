package io.meshwatch.alerting.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
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
    // Brute-force reference: Pattern.matches on random regexes built from the characters the
    // shortcuts treat specially, against random inputs.
    Random random = new Random(42);
    String regexChars = "ab.*|\\-()+?\n";
    String inputChars = "ab.*|\\-\n";
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
            .isEqualTo(reference.matcher(input).matches());
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(10_000);
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
