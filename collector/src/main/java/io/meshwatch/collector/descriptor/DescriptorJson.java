package io.meshwatch.collector.descriptor;

import io.meshwatch.model.BurnCondition;
import io.meshwatch.model.Contact;
import io.meshwatch.model.DataProduct;
import io.meshwatch.model.Exclusion;
import io.meshwatch.model.Links;
import io.meshwatch.model.ProductId;
import io.meshwatch.model.SloSpec;
import io.meshwatch.model.SloWindow;
import io.meshwatch.model.Threshold;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A product as plain maps and lists in the descriptor schema (durations as {@code 1h}, {@code 28d}),
 * ready for any JSON or YAML writer. What it writes reads back through {@link DescriptorParser} to an
 * equal product.
 */
public final class DescriptorJson {

  private DescriptorJson() {}

  /** {@code product} in the descriptor schema, fields in the documented order. */
  public static Map<String, Object> toMap(DataProduct product) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", product.id().toString());
    out.put("domain", product.domain());
    out.put("owner", product.ownerTeam());
    out.put("onCall", product.onCall().stream().map(DescriptorJson::contact).toList());
    out.put("description", product.description());
    out.put("tags", product.tags());
    out.put("version", product.version());
    out.put("upstream", product.upstream().stream().map(ProductId::toString).toList());
    out.put("links", links(product.links()));
    out.put("slos", product.slos().stream().map(DescriptorJson::slo).toList());
    return out;
  }

  private static Map<String, Object> contact(Contact contact) {
    return Map.of(contact.kind().name().toLowerCase(Locale.ROOT), contact.target());
  }

  private static Map<String, Object> links(Links links) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (links.runbook() != null) {
      out.put("runbook", links.runbook().toString());
    }
    if (links.docs() != null) {
      out.put("docs", links.docs().toString());
    }
    if (links.dashboard() != null) {
      out.put("dashboard", links.dashboard().toString());
    }
    return out;
  }

  private static Map<String, Object> slo(SloSpec slo) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("name", slo.name());
    out.put("sli", slo.kind().label());
    if (slo.threshold() instanceof Threshold.MaxAge maxAge) {
      out.put("threshold", DurationText.format(maxAge.maxAge()));
    } else if (slo.threshold() instanceof Threshold.RowBand band) {
      Map<String, Object> rows = new LinkedHashMap<>();
      rows.put("min", band.minRows());
      rows.put("max", band.maxRows());
      out.put("threshold", rows);
    }
    out.put("objective", slo.objectivePercent());
    out.put("window", slo.window().label());
    if (slo.window() instanceof SloWindow.Calendar calendar) {
      out.put("timeZone", calendar.zone().getId());
    }
    if (!slo.exclusions().isEmpty()) {
      out.put("exclude", slo.exclusions().stream().map(DescriptorJson::exclusion).toList());
    }
    if (!slo.burnConditions().equals(SloSpec.defaultConditions(slo.window()))) {
      out.put("alerting", slo.burnConditions().stream().map(DescriptorJson::condition).toList());
    }
    if (!slo.minHistory().equals(SloSpec.defaultMinHistory(slo.window()))) {
      out.put("minHistory", DurationText.format(slo.minHistory()));
    }
    return out;
  }

  private static Map<String, Object> exclusion(Exclusion exclusion) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("reason", exclusion.reason());
    out.put("start", exclusion.span().start().toString());
    out.put("end", exclusion.span().end().toString());
    return out;
  }

  private static Map<String, Object> condition(BurnCondition condition) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("severity", condition.severity().label());
    out.put("longWindow", DurationText.format(condition.longWindow()));
    out.put("shortWindow", DurationText.format(condition.shortWindow()));
    out.put("budgetConsumed", BigDecimal.valueOf(condition.budgetShare()).movePointRight(2).stripTrailingZeros().toPlainString() + "%");
    return out;
  }
}
