package io.meshwatch.collector.config;

import io.meshwatch.collector.descriptor.Problems;
import io.meshwatch.collector.descriptor.ScalarResolver;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Replaces {@code ${NAME}} (or {@code ${NAME:-default}}) in config values with the environment
 * variable, so secrets stay out of the file; {@code $${} writes a literal {@code ${}. An unset variable
 * without a default is a problem naming it.
 */
final class EnvSubstitution implements ScalarResolver {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private final Map<String, String> env;

  EnvSubstitution(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public @Nullable String resolve(String text, int line, String field, Problems problems) {
    if (!text.contains("${")) {
      return text;
    }
    StringBuilder out = new StringBuilder();
    Matcher matcher = VARIABLE.matcher(text);
    boolean complete = true;
    boolean malformed = false;
    int end = 0;
    while (matcher.find()) {
      malformed |= text.substring(end, matcher.start()).contains("${");
      out.append(text, end, matcher.start());
      end = matcher.end();
      if (matcher.group().equals("$${")) {
        out.append("${");
        continue;
      }
      String value = env.get(matcher.group(1));
      if (value == null) {
        value = matcher.group(2);
      }
      if (value == null) {
        problems.error(line, field, "environment variable " + matcher.group(1) + " is not set");
        complete = false;
      } else {
        out.append(value);
      }
    }
    String rest = text.substring(end);
    if (malformed || rest.contains("${")) {
      problems.error(line, field, "'${' must start a variable such as ${MESHWATCH_ADMIN_TOKEN}, got " + io.meshwatch.collector.guard.Shown.quoted(text));
      complete = false;
    }
    return complete ? out.append(rest).toString() : null;
  }
}
